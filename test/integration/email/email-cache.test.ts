// Results are cached per address in the database (use_cache), shared by every process, and say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailCache } from '../../../src/email/index.js';
import { mxHost, startEmailWorldWithStore, type EmailWorldWithStore } from '../../helpers/email-world.js';

const MX = '127.0.0.41';
const CACHED = { smtpCheck: true, useCache: true };

let world: EmailWorldWithStore;

beforeAll(async () => {
  world = await startEmailWorldWithStore(mxHost('cache.test', MX), {
    [MX]: { mailboxes: ['kim@cache.test', 'lee@cache.test', 'max@cache.test', 'ned@cache.test'] },
  });
});

afterAll(async () => {
  await world?.close();
});

const asked = (address: string) => world.peers.at(MX).rcpts.filter((a) => a.toLowerCase() === address.toLowerCase()).length;

describe('the result cache', () => {
  it('answers a second check from the table, marked cached, with the original check time', async () => {
    const validator = world.validator();
    const first = await validator.validate('kim@cache.test', CACHED);
    expect(first).toMatchObject({ status: 'deliverable', cached: false });
    // Another validator (as in another process) sharing the database.
    const other = world.validator();
    const second = await other.validate('  kim@CACHE.test ', CACHED);
    expect(second).toMatchObject({
      email: '  kim@CACHE.test ',
      normalized: 'kim@cache.test',
      status: 'deliverable',
      cached: true,
    });
    expect(second.checked_at).toBe(first.checked_at);
    expect(asked('kim@cache.test')).toBe(1);
  });

  it('is bypassed with use_cache false, and refreshed', async () => {
    const validator = world.validator();
    await validator.validate('lee@cache.test', CACHED);
    const fresh = await validator.validate('lee@cache.test', { smtpCheck: true, useCache: false });
    expect(fresh.cached).toBe(false);
    expect(asked('lee@cache.test')).toBe(2);
  });

  it('keeps undeliverable results, not unknown ones', async () => {
    const validator = world.validator();
    await validator.validate('nobody@cache.test', CACHED);
    expect(await validator.validate('nobody@cache.test', CACHED)).toMatchObject({ reason: 'mailbox_not_found', cached: true });
    await validator.validate('x@nowhere.test', CACHED);
    expect(await validator.validate('x@nowhere.test', CACHED)).toMatchObject({ reason: 'domain_not_found', cached: true });
    await validator.validate('max@cache.test', { smtpCheck: false, useCache: true }); // unknown: smtp_not_checked
    const { rows } = await world.store.db.query<{ n: number }>(
      "select count(*)::int as n from email_result_cache where address = 'max@cache.test'",
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('lets a check without SMTP reuse a probed result, not the reverse', async () => {
    const validator = world.validator();
    await validator.validate('ned@cache.test', CACHED);
    expect(await validator.validate('ned@cache.test', { smtpCheck: false, useCache: true })).toMatchObject({
      status: 'deliverable',
      cached: true,
    });
    const cache = createEmailCache(world.store.db, 3600);
    await cache.put([
      {
        address: 'only-dns@cache.test',
        smtpChecked: false,
        result: {
          ...(await validator.validate('only-dns@cache.test', { smtpCheck: false, useCache: false })),
          status: 'risky',
          reason: 'disposable',
        },
      },
    ]);
    expect((await cache.get(['only-dns@cache.test'], true)).size).toBe(0);
    expect((await cache.get(['only-dns@cache.test'], false)).size).toBe(1);
  });

  it('does not serve or keep expired rows', async () => {
    const cache = createEmailCache(world.store.db, 3600);
    const validator = world.validator();
    const result = await validator.validate('old@cache.test', { smtpCheck: false, useCache: false });
    await cache.put([
      { address: 'old@cache.test', smtpChecked: true, result: { ...result, checked_at: '2020-01-01T00:00:00.000Z' } },
    ]);
    expect((await cache.get(['old@cache.test'], true)).size).toBe(0);
    expect(await cache.purgeExpired()).toBeGreaterThanOrEqual(1);
    const { rows } = await world.store.db.query<{ n: number }>(
      "select count(*)::int as n from email_result_cache where address = 'old@cache.test'",
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('is off with EMAIL_CACHE_TTL_SECONDS=0', async () => {
    const validator = world.validator({ EMAIL_CACHE_TTL_SECONDS: '0' });
    await validator.validate('kim@cache.test', CACHED);
    expect(await validator.validate('kim@cache.test', CACHED)).toMatchObject({ cached: false });
  });
});
