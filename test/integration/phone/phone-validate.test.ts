// POST /api/v1/validate and /api/v1/validate-bulk for phones: answers, credits, dedup, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { credit } from '../../../src/accounts/credits.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const balance = async (key: string) => (await t.api(key, 'GET', '/api/v1/account?limit=200')).json() as any;

describe('POST /api/v1/validate (phone)', () => {
  it('answers with the result fields of the phone batch API and charges one credit with a ledger row for the request', async () => {
    const { api_key } = await t.createAccount(5);
    const res = await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+33612345678' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      input: '+33612345678',
      valid: true,
      confidence: 'verified',
      line_type: 'mobile',
      carrier: 'SFR',
      country: { iso2: 'FR', code: 33 },
    });
    expect(res.headers['x-credits-remaining']).toBe('4');
    const usRes = await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+14155552671' });
    const us = usRes.json();
    expect(us).toMatchObject({ input: '+14155552671', valid: true, confidence: 'likely', line_type: 'fixed_line_or_mobile' });
    const frRes = await t.api(api_key, 'POST', '/api/v1/validate', { phone: '0712345678', country: 'fr' });
    expect(frRes.json().format.e164).toBe('+33712345678');
    const account = await balance(api_key);
    expect(account.credits_remaining).toBe(2);
    expect(account.ledger.filter((e: any) => e.kind === 'debit')).toHaveLength(3);
    expect(account.ledger[0]).toMatchObject({ kind: 'debit', amount: -1, balance_after: 2, reason: 'validate phone' });
    // Each debit names the request it paid for.
    expect(account.ledger.slice(0, 3).map((e: any) => e.reference)).toEqual(
      [frRes, usRes, res].map((r) => r.headers['x-request-id']),
    );
  });

  it('an invalid number is still a 200 with a reason, and it is charged: it was validated', async () => {
    const { api_key } = await t.createAccount(2);
    const res = await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+33 1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, reason: 'too_short', confidence: 'unknown' });
    expect(res.headers['x-credits-charged']).toBe('1');
    expect((await balance(api_key)).credits_remaining).toBe(1);
  });

  it('garbage (no number at all) is answered with not_a_number and costs nothing', async () => {
    const { api_key } = await t.createAccount(2);
    const res = await t.api(api_key, 'POST', '/api/v1/validate', { phone: 'not a phone' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, reason: 'not_a_number', confidence: 'unknown' });
    expect(res.headers['x-credits-charged']).toBe('0');
    expect(res.headers['x-credits-remaining']).toBe('2');
    const account = await balance(api_key);
    expect(account.credits_remaining).toBe(2);
    expect(account.ledger).toHaveLength(1); // the grant only
  });

  it('402 insufficient_credits when the balance is empty, and nothing is written', async () => {
    const { api_key } = await t.createAccount(0);
    const res = await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+33612345678' });
    expect(res.statusCode).toBe(402);
    expect(res.json().error.code).toBe('insufficient_credits');
    const account = await balance(api_key);
    expect(account.credits_remaining).toBe(0);
    expect(account.ledger).toHaveLength(0);
  });

  it('50 concurrent requests against a balance of 10: exactly 10 answered, 40 refused, ledger sums to the balance', async () => {
    const { api_key, account_id } = await t.createAccount(10);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.api(api_key, 'POST', '/api/v1/validate', { phone: '+41431234567' }).then((r) => r.statusCode),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 402)).toHaveLength(40);
    const { rows } = await t.store.db.query<{ sum: number; n: number }>(
      "select sum(amount)::int as sum, (-sum(amount) filter (where kind = 'debit'))::int as n from ledger where account_id = $1",
      [account_id],
    );
    expect(rows[0]).toEqual({ sum: 0, n: 10 });
    expect((await balance(api_key)).credits_remaining).toBe(0);
  });

  it.each([
    [{}, 'body'],
    [{ phone: 12345 }, 'body.phone'],
    [{ phone: null }, 'body.phone'],
    [{ phone: '+33612345678', country: 'FRA' }, 'body.country'],
    [{ phone: '+33612345678', country: 'F1' }, 'body.country'],
    [{ phone: '+33612345678', country: 'XX' }, 'body.country'],
    [{ phone: '1'.repeat(101) }, 'body.phone'],
    [{ phone: '+33612345678', colour: 'red' }, 'body.colour'],
  ])('422 for %j naming %s, and no charge', async (body, field) => {
    const { api_key } = await t.createAccount(3);
    const res = await t.api(api_key, 'POST', '/api/v1/validate', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details[0].field).toBe(field);
    expect((await balance(api_key)).credits_remaining).toBe(3);
  });
});

describe('POST /api/v1/validate-bulk (phones)', () => {
  it('deduplicates by the E.164 form, charges once per distinct number and nothing for garbage, keeps first-seen order', async () => {
    const { api_key } = await t.createAccount(100);
    const phones = ['+33612345678', '+14155552671', '+33612345678', '+33 6 12 34 56 78', 'garbage', '+14155552671'];
    const res = await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ batch_size: 6, processed: 3, credits_charged: 2, credits_remaining: 98, concurrency: 1 });
    expect(typeof body.elapsed_ms).toBe('number');
    expect(body.results.map((r: any) => r.input)).toEqual(['+33612345678', '+14155552671', 'garbage']);
    expect(body.results.map((r: any) => r.valid)).toEqual([true, true, false]);
    expect(body.results[2].reason).toBe('not_a_number');
    const account = await balance(api_key);
    expect(account.ledger[0]).toMatchObject({ kind: 'debit', amount: -2, reason: 'validate-bulk phones' });
  });

  it('three spellings of one number with its country are one item and one credit; garbage alone costs nothing', async () => {
    const { api_key } = await t.createAccount(10);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-bulk', {
      phones: ['+33612345678', '+33 6 12 34 56 78', '0612345678'],
      country: 'FR',
    });
    expect(res.json()).toMatchObject({ batch_size: 3, processed: 1, credits_charged: 1, credits_remaining: 9 });
    expect(res.json().results[0]).toMatchObject({ input: '+33612345678', valid: true });
    const junk = await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['hello', 'n/a', 'hello'] });
    expect(junk.json()).toMatchObject({ batch_size: 3, processed: 2, credits_charged: 0, credits_remaining: 9 });
    expect((await balance(api_key)).ledger).toHaveLength(2); // the grant and the first debit
  });

  it('applies the fallback country to every national number', async () => {
    const { api_key } = await t.createAccount(10);
    const body = (
      await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['06 12 34 56 78', '+49 30 123456'], country: 'FR' })
    ).json();
    expect(body.results.map((r: any) => r.format?.e164)).toEqual(['+33612345678', '+4930123456']);
  });

  it('402 when the distinct items cost more than the balance; nothing charged', async () => {
    const { api_key } = await t.createAccount(2);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-bulk', {
      phones: ['+33612345678', '+33612345679', '+33612345670'],
    });
    expect(res.statusCode).toBe(402);
    expect(res.json().error.message).toContain('needs 3 credits');
    expect((await balance(api_key)).credits_remaining).toBe(2);
  });

  it('takes 200 items and refuses 201', async () => {
    const { api_key } = await t.createAccount(1000);
    const phones = Array.from({ length: 201 }, (_, i) => `+3361234${String(i).padStart(4, '0')}`);
    const over = await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.details[0].field).toBe('body.phones');
    const ok = await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: phones.slice(0, 200) });
    expect(ok.json()).toMatchObject({ batch_size: 200, processed: 200, credits_remaining: 800 });
  });

  it.each([
    [{ phones: [] }, 'body.phones'],
    [{ phones: ['+33612345678', 42] }, 'body.phones[1]'],
    [{ phones: '+33612345678' }, 'body.phones'],
    [{ phones: ['+33612345678'], country: 'usa' }, 'body.country'],
    [{ phones: ['x'.repeat(101)] }, 'body.phones[0]'],
  ])('422 for %j naming %s', async (body, field) => {
    const { api_key } = await t.createAccount(5);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-bulk', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].field).toBe(field);
    expect((await balance(api_key)).credits_remaining).toBe(5);
  });
});

describe('GET /api/v1/account/usage', () => {
  it('sums the ledger by day: debits less refunds, and grants', async () => {
    const { api_key, account_id } = await t.createAccount(50);
    await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+33612345678' });
    await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['+33612345678', '+33612345679', '+33612345670'] });
    await t.store.db.transaction((tx) => credit(tx, account_id, 'refund', 1, 'test refund'));
    const usage = (await t.api(api_key, 'GET', '/api/v1/account/usage?days=7')).json();
    expect(usage).toMatchObject({ days: 7, credits_used: 3, credits_remaining: 47 });
    expect(usage.daily).toHaveLength(1);
    expect(usage.daily[0]).toMatchObject({ credits_used: 3, debited: 4, refunded: 1, granted: 50 });
    expect(usage.daily[0].day).toBe(new Date().toISOString().slice(0, 10));
    expect((await t.api(api_key, 'GET', '/api/v1/account/usage?days=0')).statusCode).toBe(422);
  });
});
