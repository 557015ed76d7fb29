// Dashboard sessions: the cookie, its expiry and end, CSRF on writes, and the bearer paths left as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function signIn(token: string) {
  const res = await t.app.inject({ method: 'POST', url: '/auth/v1/session', payload: { token } });
  const cookie = res.cookies.find((c) => c.name === 'sieve_session');
  return { res, cookie: cookie?.value as string, csrf: res.json().csrf_token as string, raw: cookie };
}

const withCookie = (cookie: string, method: string, url: string, headers: Record<string, string> = {}, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, cookies: { sieve_session: cookie }, headers, ...(payload ? { payload } : {}) });

describe('dashboard sessions', () => {
  it('trades a key for an HttpOnly, SameSite=Strict cookie that acts as that key; the key is not in the answer', async () => {
    const account = await t.createAccount(7);
    const { res, cookie, raw } = await signIn(account.api_key);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'account', account_id: account.account_id, key_id: account.key_id });
    expect(res.body).not.toContain(account.api_key);
    expect(raw).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(raw?.secure).toBeFalsy();
    expect((await withCookie(cookie, 'GET', '/api/v1/account/usage')).json().credits_remaining).toBe(7);
    // Only a hash of the cookie is stored.
    const stored = await t.ctx.db.query<{ token_hash: string }>('select token_hash from sessions');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(cookie);
    expect(JSON.stringify(stored.rows)).not.toContain(account.api_key);
  });

  it('is Secure over HTTPS (behind a proxy that says so)', async () => {
    const proxied = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const account = await proxied.createAccount(1);
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/auth/v1/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { token: account.api_key },
      });
      expect(res.cookies.find((c) => c.name === 'sieve_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('refuses writes made with the cookie without the CSRF token, and accepts them with it', async () => {
    const account = await t.createAccount(1);
    const { cookie, csrf } = await signIn(account.api_key);
    const none = await withCookie(cookie, 'POST', '/api/v1/keys', {}, { name: 'x' });
    expect([none.statusCode, none.json().error.code]).toEqual([403, 'csrf_token_invalid']);
    const wrong = await withCookie(cookie, 'POST', '/api/v1/keys', { 'x-csrf-token': `${csrf}x` }, { name: 'x' });
    expect(wrong.statusCode).toBe(403);
    const right = await withCookie(cookie, 'POST', '/api/v1/keys', { 'x-csrf-token': csrf }, { name: 'x' });
    expect(right.statusCode).toBe(201);
    // The bearer path needs no CSRF token, as before.
    expect((await t.api(account.api_key, 'POST', '/api/v1/keys', { name: 'y' })).statusCode).toBe(201);
  });

  it('ends on sign-out, and when its key is revoked', async () => {
    const account = await t.createAccount(1);
    const { cookie, csrf } = await signIn(account.api_key);
    expect((await withCookie(cookie, 'GET', '/auth/v1/session')).statusCode).toBe(200);
    expect((await withCookie(cookie, 'DELETE', '/auth/v1/session')).statusCode).toBe(403);
    const out = await withCookie(cookie, 'DELETE', '/auth/v1/session', { 'x-csrf-token': csrf });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'sieve_session')?.value).toBe('');
    const after = await withCookie(cookie, 'GET', '/api/v1/account/usage');
    expect([after.statusCode, after.json().error.code]).toEqual([401, 'invalid_session']);

    const again = await signIn(account.api_key);
    expect((await t.admin('DELETE', `/admin/v1/keys/${account.key_id}`)).statusCode).toBe(200);
    expect((await withCookie(again.cookie, 'GET', '/api/v1/account/usage')).statusCode).toBe(401);
  });

  it('expires', async () => {
    const account = await t.createAccount(1);
    const { cookie } = await signIn(account.api_key);
    await t.ctx.db.query("update sessions set expires_at = now() - interval '1 second'");
    expect((await withCookie(cookie, 'GET', '/auth/v1/session')).json().error.code).toBe('invalid_session');
  });

  it('opens operator sessions with ADMIN_TOKEN, for the operator API only', async () => {
    const { res, cookie, csrf } = await signIn(ADMIN_TOKEN);
    expect(res.json()).toMatchObject({ kind: 'operator', account_id: null });
    expect((await withCookie(cookie, 'GET', '/admin/v1/accounts?limit=5')).statusCode).toBe(200);
    expect((await withCookie(cookie, 'GET', '/admin/v1/system')).json()).toMatchObject({ workers: expect.any(Number) });
    const grant = await withCookie(cookie, 'POST', '/admin/v1/accounts', {}, { credits: 1 });
    expect(grant.json().error.code).toBe('csrf_token_invalid');
    expect((await withCookie(cookie, 'POST', '/admin/v1/accounts', { 'x-csrf-token': csrf }, { credits: 1 })).statusCode).toBe(
      201,
    );
    const customer = await withCookie(cookie, 'GET', '/api/v1/account/usage');
    expect([customer.statusCode, customer.json().error.code]).toEqual([403, 'session_not_allowed']);
    // A customer session does not open the operator API.
    const account = await t.createAccount(1);
    const own = await signIn(account.api_key);
    expect((await withCookie(own.cookie, 'GET', '/admin/v1/accounts?limit=5')).json().error.code).toBe('session_not_allowed');
  });

  it('refuses what is neither a key nor the operator token, without opening a session', async () => {
    for (const [token, code] of [
      ['sv_live_short', 'malformed_api_key'],
      [`sv_live_${'a'.repeat(32)}`, 'invalid_api_key'],
      ['not-the-admin-token-at-all', 'invalid_api_key'],
    ] as const) {
      const { res } = await signIn(token);
      expect([res.statusCode, res.json().error.code], token).toEqual([401, code]);
      expect(res.cookies).toHaveLength(0);
    }
  });
});
