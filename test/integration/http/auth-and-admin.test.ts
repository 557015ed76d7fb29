// API keys (the four 401s, secrecy of keys) and the operator API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../helpers/app.js';
import { onServer } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const code = (res: { json(): any }) => res.json().error.code;

describe('API keys', () => {
  it('missing, malformed, unknown and revoked keys are four distinct 401s', async () => {
    const { api_key, key_id } = await t.createAccount(10);
    const get = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/account', headers });

    let res = await get({});
    expect([res.statusCode, code(res)]).toEqual([401, 'missing_api_key']);
    res = await get({ authorization: '' });
    expect([res.statusCode, code(res)]).toEqual([401, 'missing_api_key']);
    for (const bad of [
      `Basic ${api_key}`,
      'Bearer',
      `Bearer ${api_key} extra`,
      'Bearer not-a-key',
      `Bearer ${api_key.slice(0, -1)}`,
    ]) {
      res = await get({ authorization: bad });
      expect([res.statusCode, code(res)], bad).toEqual([401, 'malformed_api_key']);
    }
    const lookalike = `${api_key.slice(0, -4)}${api_key.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    res = await get({ authorization: `Bearer ${lookalike}` });
    expect([res.statusCode, code(res)]).toEqual([401, 'invalid_api_key']);

    expect((await get({ authorization: `Bearer ${api_key}` })).statusCode).toBe(200);
    expect((await t.admin('DELETE', `/admin/v1/keys/${key_id}`)).statusCode).toBe(200);
    res = await get({ authorization: `Bearer ${api_key}` });
    expect([res.statusCode, code(res)]).toEqual([401, 'revoked_api_key']);
    // The scheme is case-insensitive, as HTTP says.
    const other = await t.createAccount(1);
    expect((await get({ authorization: `bearer ${other.api_key}` })).statusCode).toBe(200);
  });

  it('a key is stored only as a hash and never appears after creation', async () => {
    const created = await t.createAccount(3, 'secretive');
    const key = created.api_key;
    expect(key).toMatch(/^sv_live_[A-Za-z0-9_-]{32}$/);
    // Use it, list it, fail with it, revoke it: none of it may echo the key.
    const responses = [
      await t.api(key, 'GET', '/api/v1/account'),
      await t.admin('GET', `/admin/v1/accounts/${created.account_id}`),
      await t.admin('GET', '/admin/v1/accounts?limit=200'),
      await t.api(key, 'GET', '/api/v1/account?limit=abc'),
      await t.admin('POST', `/admin/v1/accounts/${created.account_id}/keys`, { name: 'second' }),
      await t.admin('DELETE', `/admin/v1/keys/${created.key_id}`),
      await t.api(key, 'GET', '/api/v1/account'),
    ];
    for (const res of responses) expect(res.body).not.toContain(key);
    const shown = (await t.admin('GET', `/admin/v1/accounts/${created.account_id}`)).json();
    expect(shown.keys[0].prefix).toBe(key.slice(0, 12));
    expect(shown.keys[0].last_used_at).not.toBeNull();

    const { rows } = await t.store.db.query<Record<string, unknown>>('select * from api_keys where account_id = $1', [
      created.account_id,
    ]);
    for (const row of rows) {
      for (const value of Object.values(row)) expect(String(value)).not.toContain(key.slice(12));
    }
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(key);
    expect(logs).not.toContain(ADMIN_TOKEN);
    expect(logs).toContain('account created');
  });
});

describe('operator API', () => {
  it('is refused without the admin token, with a wrong one, and when ADMIN_TOKEN is unset', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/admin/v1/accounts' });
    expect([res.statusCode, code(res)]).toEqual([401, 'missing_admin_token']);
    res = await t.app.inject({
      method: 'GET',
      url: '/admin/v1/accounts',
      headers: { authorization: 'Bearer wrong-token-wrong-token' },
    });
    expect([res.statusCode, code(res)]).toEqual([401, 'invalid_admin_token']);
    const { api_key } = await t.createAccount(1);
    res = await t.app.inject({ method: 'GET', url: '/admin/v1/accounts', headers: { authorization: `Bearer ${api_key}` } });
    expect([res.statusCode, code(res)]).toEqual([401, 'invalid_admin_token']);

    const closed = await startTestApp({ env: { ADMIN_TOKEN: '' } });
    try {
      res = await closed.app.inject({ method: 'POST', url: '/admin/v1/accounts', payload: { credits: 1 } });
      expect([res.statusCode, code(res)]).toEqual([403, 'admin_disabled']);
    } finally {
      await closed.close();
    }
  });

  it('creates an account whose key reads its balance', async () => {
    const res = await t.admin('POST', '/admin/v1/accounts', { name: 'Acme', credits: 1000 });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Acme', credits_remaining: 1000 });
    expect(created.account_id).toMatch(/^acc_[0-9a-f]{32}$/);
    const me = (await t.api(created.api_key, 'GET', '/api/v1/account')).json();
    expect(me).toMatchObject({ account_id: created.account_id, name: 'Acme', credits_remaining: 1000 });
    expect(me.ledger).toEqual([
      expect.objectContaining({ kind: 'grant', amount: 1000, balance_after: 1000, reason: 'opening balance' }),
    ]);
  });

  it('grants credits once per reference and pages the ledger', async () => {
    const { account_id, api_key } = await t.createAccount(0);
    const grant = (body: object) => t.admin('POST', `/admin/v1/accounts/${account_id}/credits`, body);
    for (let i = 1; i <= 5; i++) expect((await grant({ amount: i * 10, reason: `top-up ${i}` })).statusCode).toBe(200);
    expect((await grant({ amount: 7, reference: 'INV-1' })).json().credits_remaining).toBe(157);
    const dup = await grant({ amount: 7, reference: 'INV-1' });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'duplicate_reference']);
    expect(code(await grant({ amount: 0 }))).toBe('validation_failed');
    expect(code(await grant({ amount: 1.5 }))).toBe('validation_failed');
    const missing = await t.admin('POST', `/admin/v1/accounts/acc_${'0'.repeat(32)}/credits`, { amount: 1 });
    expect([missing.statusCode, code(missing)]).toEqual([404, 'not_found']);

    const first = (await t.api(api_key, 'GET', '/api/v1/account?limit=4')).json();
    expect(first.credits_remaining).toBe(157);
    expect(first.ledger.map((e: any) => e.amount)).toEqual([7, 50, 40, 30]);
    const second = (await t.api(api_key, 'GET', `/api/v1/account?limit=4&cursor=${first.next_cursor}`)).json();
    expect(second.ledger.map((e: any) => e.amount)).toEqual([20, 10]);
    expect(second.next_cursor).toBeNull();
  });

  it('creates, lists and revokes keys; lists accounts by page', async () => {
    const { account_id } = await t.createAccount(1);
    const extra = await t.admin('POST', `/admin/v1/accounts/${account_id}/keys`, { name: 'ci' });
    expect(extra.statusCode).toBe(201);
    const key = extra.json();
    expect((await t.api(key.api_key, 'GET', '/api/v1/account')).json().account_id).toBe(account_id);
    const revoked = (await t.admin('DELETE', `/admin/v1/keys/${key.key_id}`)).json();
    expect(revoked.revoked_at).not.toBeNull();
    expect((await t.admin('DELETE', `/admin/v1/keys/${key.key_id}`)).statusCode).toBe(200); // idempotent
    expect((await t.admin('DELETE', `/admin/v1/keys/key_${'0'.repeat(32)}`)).statusCode).toBe(404);
    const shown = (await t.admin('GET', `/admin/v1/accounts/${account_id}`)).json();
    expect(shown.keys.map((k: any) => k.name)).toEqual(['default', 'ci']);

    const page1 = (await t.admin('GET', '/admin/v1/accounts?limit=2')).json();
    expect(page1.data).toHaveLength(2);
    const page2 = (await t.admin('GET', `/admin/v1/accounts?limit=2&cursor=${page1.next_cursor}`)).json();
    expect(page2.data[0].account_id > page1.data[1].account_id).toBe(true);
  });
});

describe('key revocation across API processes', () => {
  it.skipIf(!onServer())('a key revoked through one process stops working in another that had it cached', async () => {
    const other = await startTestApp({ shareStoreOf: t });
    try {
      const { api_key, key_id } = await t.createAccount(5);
      expect((await other.api(api_key, 'GET', '/api/v1/account')).statusCode).toBe(200); // now cached there
      expect((await t.admin('DELETE', `/admin/v1/keys/${key_id}`)).statusCode).toBe(200);
      await waitFor(
        async () => (await other.api(api_key, 'GET', '/api/v1/account')).statusCode === 401,
        5000,
        'revocation not seen',
      );
      expect(code(await other.api(api_key, 'GET', '/api/v1/account'))).toBe('revoked_api_key');
    } finally {
      await other.close();
    }
  });
});
