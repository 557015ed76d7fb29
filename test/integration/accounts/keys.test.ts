// An account's own keys (GET/POST/DELETE /api/v1/keys): create one, use it, revoke it, then 401 at once,
// including in another API process on the same server store; another account's key is not found; the last
// active key stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { onServer } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('self-service keys', () => {
  it('create (shown once), use, revoke, then 401 revoked_api_key', async () => {
    const { api_key, key_id } = await t.createAccount(5);
    const created = await t.api(api_key, 'POST', '/api/v1/keys', { name: 'ci' });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key).toMatchObject({ name: 'ci', revoked_at: null });
    expect(key.api_key).toMatch(/^sv_live_[A-Za-z0-9_-]{32}$/);
    expect(key.prefix).toBe(key.api_key.slice(0, 12));

    // The new key works: it is the same account.
    const account = (await t.api(key.api_key, 'GET', '/api/v1/account')).json();
    expect(account.credits_remaining).toBe(5);
    const listed = (await t.api(key.api_key, 'GET', '/api/v1/keys')).json().data;
    expect(listed.map((k: any) => [k.key_id, k.current])).toEqual([
      [key_id, false],
      [key.key_id, true],
    ]);
    expect(JSON.stringify(listed)).not.toContain(key.api_key);
    expect(listed.every((k: any) => k.api_key === undefined)).toBe(true);

    // Revoked with the first key; the new one is refused at once (its look-up was cached by the call above).
    const revoked = await t.api(api_key, 'DELETE', `/api/v1/keys/${key.key_id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked_at).not.toBeNull();
    const refused = await t.api(key.api_key, 'GET', '/api/v1/account');
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'revoked_api_key']);
    // Revoking twice is harmless.
    expect((await t.api(api_key, 'DELETE', `/api/v1/keys/${key.key_id}`)).statusCode).toBe(200);
  });

  it('a key can be created without a body; bad bodies are 422s', async () => {
    const { api_key } = await t.createAccount(0);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/keys', headers: { authorization: `Bearer ${api_key}` } });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBeNull();
    for (const body of [{ name: '' }, { name: 7 }, { label: 'x' }]) {
      expect((await t.api(api_key, 'POST', '/api/v1/keys', body)).statusCode).toBe(422);
    }
  });

  it("another account's key is not found, to list and to revoke, and stays active", async () => {
    const a = await t.createAccount(0);
    const b = await t.createAccount(0);
    const other = await t.api(a.api_key, 'DELETE', `/api/v1/keys/${b.key_id}`);
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'not_found']);
    expect((await t.api(b.api_key, 'GET', '/api/v1/account')).statusCode).toBe(200);
    const listed = (await t.api(a.api_key, 'GET', '/api/v1/keys')).json().data;
    expect(listed.map((k: any) => k.key_id)).toEqual([a.key_id]);
    expect((await t.api(a.api_key, 'DELETE', '/api/v1/keys/key_0123')).statusCode).toBe(422);
  });

  it('the last active key cannot revoke itself (409); with another one, a key can', async () => {
    const { api_key, key_id } = await t.createAccount(0);
    const last = await t.api(api_key, 'DELETE', `/api/v1/keys/${key_id}`);
    expect([last.statusCode, last.json().error.code]).toEqual([409, 'last_active_key']);
    const spare = (await t.api(api_key, 'POST', '/api/v1/keys', {})).json();
    expect((await t.api(api_key, 'DELETE', `/api/v1/keys/${key_id}`)).statusCode).toBe(200);
    expect((await t.api(api_key, 'GET', '/api/v1/keys')).statusCode).toBe(401);
    const now = await t.api(spare.api_key, 'DELETE', `/api/v1/keys/${spare.key_id}`);
    expect(now.statusCode).toBe(409);
  });

  it.skipIf(!onServer())('a revocation stops the key in another API process on the same store at once', async () => {
    const second = await startTestApp({ shareStoreOf: t });
    try {
      const { api_key } = await t.createAccount(0);
      const key = (await t.api(api_key, 'POST', '/api/v1/keys', {})).json();
      expect((await second.api(key.api_key, 'GET', '/api/v1/account')).statusCode).toBe(200);
      await t.api(api_key, 'DELETE', `/api/v1/keys/${key.key_id}`);
      // The notice travels by NOTIFY: within moments, well before the cache's own expiry.
      await waitFor(async () => (await second.api(key.api_key, 'GET', '/api/v1/account')).statusCode === 401, 3000);
    } finally {
      await second.close();
    }
  });
});
