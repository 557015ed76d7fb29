// An MX is chosen by whoever submits the address: Sieve never connects to one on a loopback, private,
// link-local or metadata address, however it is spelt, unless SMTP_ALLOWED_CIDRS allows the range.
// Each case proves that no connection reached a listening mail server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK, mxHost, startEmailWorldWithStore, type EmailWorldWithStore } from '../../helpers/email-world.js';

const TRAP = '127.0.0.31'; // listening, and must never be reached without the allow-list
const ALLOWED = '127.0.0.32';

let world: EmailWorldWithStore;

beforeAll(async () => {
  const zone = {
    ...mxHost('loop.test', TRAP),
    'mapped.test': { MX: [{ exchange: 'mx.mapped.test', priority: 10 }] },
    'mx.mapped.test': { AAAA: [`::ffff:${TRAP}`, '::1'] },
    'private.test': { MX: [{ exchange: 'mx.private.test', priority: 10 }] },
    'mx.private.test': { A: ['10.1.2.3', '192.168.1.1', '172.16.5.4', '100.64.0.1'] },
    'metadata.test': { MX: [{ exchange: 'mx.metadata.test', priority: 10 }] },
    'mx.metadata.test': { A: ['169.254.169.254'], AAAA: ['fd00:ec2::254', 'fe80::1'] },
    'implicit.test': { A: [TRAP] },
    'mixed.test': {
      MX: [
        { exchange: 'mx.loop.test', priority: 10 },
        { exchange: 'mx.allowed.test', priority: 20 },
      ],
    },
    'mx.allowed.test': { A: [ALLOWED] },
  };
  world = await startEmailWorldWithStore(zone, { [TRAP]: { catchAll: true }, [ALLOWED]: { mailboxes: ['ann@mixed.test'] } });
});

afterAll(async () => {
  await world?.close();
});

describe('the address guard in the email engine', () => {
  it('refuses MX hosts on loopback, private, link-local and metadata addresses, in any spelling', async () => {
    const validator = world.validator({ SMTP_ALLOWED_CIDRS: '' });
    const emails = ['a@loop.test', 'a@mapped.test', 'a@private.test', 'a@metadata.test', 'a@implicit.test'];
    const { results, concurrency } = await validator.validateMany(emails, CHECK);
    for (const r of results) {
      expect(r, r.email).toMatchObject({
        status: 'unknown',
        reason: 'blocked_mx_address',
        valid: true,
        retry_after: null,
        smtp: null,
        verification_steps: [
          { step: 'syntax', status: 'completed' },
          { step: 'domain', status: 'completed' },
          { step: 'smtp', status: 'skipped' },
        ],
      });
      expect(r.mx?.address).toBeNull();
    }
    expect(concurrency).toBe(0);
    expect(world.peers.at(TRAP).connections).toBe(0);
  });

  it('skips a refused MX and uses the next one that is allowed', async () => {
    const validator = world.validator({ SMTP_ALLOWED_CIDRS: `${ALLOWED}/32` });
    const r = await validator.validate('ann@mixed.test', CHECK);
    expect(r).toMatchObject({ status: 'deliverable', mx: { host: 'mx.allowed.test', address: ALLOWED } });
    expect(world.peers.at(TRAP).connections).toBe(0);
  });

  it('connects when SMTP_ALLOWED_CIDRS allows the range, in its IPv4-mapped spelling too', async () => {
    const validator = world.validator({ SMTP_ALLOWED_CIDRS: '127.0.0.0/8' });
    const { results } = await validator.validateMany(['a@loop.test', 'b@mapped.test'], CHECK);
    expect(results[0]).toMatchObject({ status: 'risky', reason: 'catch_all', mx: { address: TRAP } });
    // 127.0.0.0/8 lets ::ffff:127.0.0.31 through (the same address), not ::1 (another one).
    expect(results[1]).toMatchObject({ status: 'risky', mx: { host: 'mx.mapped.test', address: '::ffff:7f00:1f' } });
    expect(world.peers.at(TRAP).connections).toBeGreaterThan(0);
  });
});
