// SMTP caps held across processes, on the PostgreSQL server: `sieve serve` and three `sieve worker`s check one
// email batch against the email test world. The mail servers never see more than SMTP_MAX_PER_HOST connections
// from the deployment at once (each process alone would open that many); one worker killed mid-batch while it
// holds slots: its leases are free again within 30 s and the batch completes.
import { describe, expect, it } from 'vitest';
import { startEmailWorld } from '../../helpers/email-world.js';
import type { SmtpBehaviour } from '../../helpers/smtp-server.js';
import { sieveProcesses } from '../../helpers/process.js';
import { onServer, openTestStore } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

const CAPPED = '127.0.0.71';
const OTHER = '127.0.0.72';
const ADMIN_TOKEN = 'smtp-caps-test-admin-token';
const CAP = 2;

const { start } = sieveProcesses({ ADMIN_TOKEN });

describe.skipIf(!onServer())('SMTP caps across three worker processes', () => {
  it('never more than SMTP_MAX_PER_HOST connections to a host; a killed worker’s leases return and the batch completes', async () => {
    const domains = Array.from({ length: 60 }, (_, i) => [`d${i}.caps.test`, i < 45 ? CAPPED : OTHER] as const);
    const zone = Object.assign(
      {},
      ...domains.map(([domain, address]) => ({ [domain]: { MX: [{ exchange: `mx-${address}.caps.test`, priority: 10 }] } })),
      { [`mx-${CAPPED}.caps.test`]: { A: [CAPPED] }, [`mx-${OTHER}.caps.test`]: { A: [OTHER] } },
    );
    // Each recipient answered after 20 ms: sessions last long enough to overlap.
    const slow: SmtpBehaviour = {
      rcpt: (address) => ({
        afterMs: 20,
        then: address.startsWith('user') ? 'accept' : { code: 550, message: '5.1.1 No such user' },
      }),
    };
    const world = await startEmailWorld(zone, { [CAPPED]: slow, [OTHER]: slow });
    const store = await openTestStore();
    try {
      const env = {
        ...world.env,
        DATABASE_URL: store.url as string,
        SMTP_MAX_PER_HOST: String(CAP),
        BATCH_EMAIL_CHUNK: '20',
        // 27 chunks, 4 at a time per worker: every worker gets some (at the default 16, two could take them all).
        WORKER_CONCURRENCY: '4',
        // Until workers heartbeat, a dead worker's job is taken again once it expires.
        JOB_EXPIRE_SECONDS: '30',
        QUEUE_MAINTENANCE_SECONDS: '5',
      };
      const api = await start(['serve'], env);
      const workers = await Promise.all([start(['worker'], env), start(['worker'], env), start(['worker'], env)]);
      const admin = await fetch(`${api.url}/admin/v1/accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ credits: 10_000, name: 'caps' }),
      });
      const { api_key } = (await admin.json()) as { api_key: string };
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${api.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${api_key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        return (await res.json()) as any;
      };
      const emails = domains.flatMap(([domain]) => [
        ...Array.from({ length: 8 }, (_, i) => `user${i}@${domain}`),
        `ghost@${domain}`,
      ]);
      const { batch_id } = await call('POST', '/api/v1/validate-async', { emails });

      // The first worker holds at least one slot: then it is killed.
      const victim = workers[0];
      const pid = victim.proc.pid as number;
      const liveLeases = async () =>
        (
          await store.db.query<{ n: number }>(
            `select count(*)::int as n from smtp_host_leases where holder like $1 and expires_at > now()`,
            [`%:${pid}:%`],
          )
        ).rows[0]?.n ?? 0;
      await waitFor(async () => (await liveLeases()) > 0, 60_000, 'the first worker took no SMTP slot', 20);
      await victim.stop('SIGKILL');
      await waitFor(async () => (await liveLeases()) === 0, 30_000, "the killed worker's leases did not expire", 250);

      await waitFor(
        async () => (await call('GET', `/api/v1/batch/${batch_id}`)).status === 'completed',
        150_000,
        'the batch did not complete',
        500,
      );
      const done = await call('GET', `/api/v1/batch/${batch_id}`);
      expect(done).toMatchObject({ status: 'completed', total: emails.length, processed: emails.length });
      const statuses = new Map<string, string>(done.results.map((r: any) => [r.email, r.status]));
      for (const email of emails) expect(statuses.get(email)).toBe(email.startsWith('user') ? 'deliverable' : 'undeliverable');

      expect(world.peers.at(CAPPED).peakOpen).toBeLessThanOrEqual(CAP);
      expect(world.peers.at(OTHER).peakOpen).toBeLessThanOrEqual(CAP);
      // The cap was reached (three processes wanted more), and every connection made was served.
      expect(world.peers.at(CAPPED).peakOpen).toBe(CAP);
    } finally {
      await store.close();
      await world.close();
    }
  }, 240_000);
});
