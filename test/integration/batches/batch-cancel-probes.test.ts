// Cancelling an email batch stops its work: the SMTP probes in flight are aborted (the mail server sees its
// connections closed) and no MAIL or RCPT reaches it after the cancel's answer, whether the cancel comes through
// the API of the worker's own process or from elsewhere (only the database tells: NOTIFY sieve_batches).
// Against local mail servers that stall at RCPT, as a server waiting out a client would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBatch } from '../../../src/batches/batch-cancel.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { mxHost, startEmailWorld, type EmailWorld } from '../../helpers/email-world.js';
import { waitFor } from '../../helpers/wait.js';

const MX = '127.0.0.91';
const DOMAINS = ['stall-a.test', 'stall-b.test', 'stall-c.test'];

let world: EmailWorld;
let t: TestApp;

beforeAll(async () => {
  const zone = Object.assign({}, ...DOMAINS.map((d) => mxHost(d, MX)));
  // Every RCPT is left unanswered: the probe waits for SMTP_TIMEOUT_MS (a minute here).
  world = await startEmailWorld(zone, { [MX]: { rcpt: () => 'stall' } });
  t = await startTestApp({ env: { ...world.env, SMTP_TIMEOUT_MS: '60000', SMTP_MAX_PER_HOST: '8' } });
});
afterAll(async () => {
  await t?.close();
  await world?.close();
});

const server = () => world.peers.at(MX);

async function stalledBatch(credits: number) {
  const account = await t.createAccount(credits);
  const emails = DOMAINS.flatMap((d) => Array.from({ length: 5 }, (_, i) => `user${i}@${d}`));
  const submitted = await t.api(account.api_key, 'POST', '/api/v1/validate-async', { emails });
  expect(submitted.statusCode).toBe(202);
  const rcptsBefore = server().rcpts.length;
  // Each domain's chunk has a probe waiting on an unanswered RCPT.
  await waitFor(() => server().rcpts.length >= rcptsBefore + DOMAINS.length, 30_000, 'the probes did not start', 50);
  return { ...account, batchId: submitted.json().batch_id as string, total: emails.length };
}

/** What the mail server has seen so far. */
const seen = () => ({ connections: server().connections, mails: server().mailFroms.length, rcpts: server().rcpts.length });

async function expectStopped(after: ReturnType<typeof seen>) {
  // Every connection of the batch is closed by the prober, long before the probes' own time-out.
  await waitFor(() => server().open === 0, 20_000, 'the SMTP connections were not closed', 50);
  // A while later still nothing new reached the server: no probe started after the cancel.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(seen()).toEqual(after);
  expect(server().open).toBe(0);
}

async function expectLedgerEqualsBalance(accountId: string) {
  const { rows } = await t.store.db.query<{ balance: string; total: string }>(
    `select a.balance::text, (select sum(amount)::text from ledger l where l.account_id = a.id) as total
       from accounts a where a.id = $1`,
    [accountId],
  );
  expect(rows[0]?.total).toBe(rows[0]?.balance);
}

describe('cancel stops the SMTP probes of a batch', () => {
  it('through the API: the probes are aborted before the 200, none starts after it', async () => {
    const worker = t.newWorker();
    await worker.start();
    try {
      const { api_key, account_id, batchId, total } = await stalledBatch(100);
      expect(server().open).toBeGreaterThan(0);
      const cancel = await t.api(api_key, 'POST', `/api/v1/batch/${batchId}/cancel`);
      const after = seen();
      expect(cancel.statusCode).toBe(200);
      expect(cancel.json()).toMatchObject({ status: 'cancelled', processed: 0, refunded: total, waiting: null });
      await expectStopped(after);
      // Nothing was written for the cancelled batch, and the ledger adds up.
      const status = (await t.api(api_key, 'GET', `/api/v1/batch/${batchId}`)).json();
      expect(status).toMatchObject({ status: 'cancelled', processed: 0, credits_refunded: total });
      await expectLedgerEqualsBalance(account_id);
      expect(t.logs.some((l) => l.includes('probes stopped') && l.includes(batchId))).toBe(true);
    } finally {
      await worker.stop(2000);
    }
  });

  it('from another process (only the database tells the worker): the probes are aborted all the same', async () => {
    const worker = t.newWorker();
    await worker.start();
    try {
      const { account_id, batchId, total } = await stalledBatch(100);
      // The cancel as another API process makes it: its own transaction, and no word to this process's worker.
      const outcome = await cancelBatch(t.ctx.db, account_id, batchId, t.ctx.batchHooks);
      const after = seen();
      expect(outcome).toMatchObject({ status: 'cancelled', refunded: total });
      await expectStopped(after);
      await expectLedgerEqualsBalance(account_id);
    } finally {
      await worker.stop(2000);
    }
  });
});
