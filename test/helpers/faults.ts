// What the fault tests and the soak (bench/soak.ts) share: accounts and batches through the HTTP API of real
// processes, rounds of pg_terminate_backend against a process's connections, and the audit of a finished batch
// (items lost, results given twice, charges made twice).
import pg from 'pg';

export const FAULT_ADMIN_TOKEN = 'fault-admin-token-0123456789';

export async function call(url: string, method: string, pathName: string, key: string, body?: unknown) {
  const res = await fetch(`${url}${pathName}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

export async function newAccount(url: string, credits: number): Promise<{ key: string; accountId: string }> {
  const res = await call(url, 'POST', '/admin/v1/accounts', FAULT_ADMIN_TOKEN, { credits });
  if (res.status !== 201) throw new Error(`account: ${res.status} ${JSON.stringify(res.body)}`);
  return { key: res.body.api_key, accountId: res.body.account_id };
}

/** `count` distinct valid French mobile numbers; `set` picks a range of its own. */
export const phoneSet = (set: number, count: number) =>
  Array.from({ length: count }, (_, i) => `+336${String(20_000_000 + set * 100_000 + i)}`);

export async function submit(url: string, key: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(url, 'POST', '/api/v1/validate-async', key, body);
  if (res.status !== 202) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.batch_id;
}

export async function progress(url: string, key: string, batchId: string): Promise<{ status: string; processed: number }> {
  const res = await call(url, 'GET', `/api/v1/batch/${batchId}?limit=1`, key);
  if (res.status !== 200) throw new Error(`progress: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until the batch has ended (any final status) or `timeoutMs` passes; answers the last status seen. */
export async function untilEnded(urls: () => string, key: string, batchId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = { status: 'unknown', processed: 0 };
  for (;;) {
    try {
      last = await progress(urls(), key, batchId);
      if (last.status !== 'queued' && last.status !== 'processing') return last;
    } catch {
      // the API process may be down for a moment (a fault under way)
    }
    if (Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until at least `count` items of the batch are processed. */
export async function untilProcessed(url: string, key: string, batchId: string, count: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await progress(url, key, batchId).catch(() => ({ status: 'unknown', processed: 0 }));
    if (p.processed >= count || (p.status !== 'queued' && p.status !== 'processing' && p.status !== 'unknown')) return p;
    if (Date.now() > deadline) throw new Error(`batch ${batchId}: fewer than ${count} items processed within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Audit {
  status: string;
  total: number;
  processed: number;
  /** Inputs without a result. */
  lost: number;
  /** Results beyond one per input. */
  duplicates: number;
  /** Debit rows of the batch beyond the one expected, and credits charged beyond the items. */
  doubleCharges: number;
  creditsCharged: number;
  creditsRefunded: number;
}

export async function audit(url: string, key: string, batchId: string, inputs: string[]): Promise<Audit> {
  const batch = (await call(url, 'GET', `/api/v1/batch/${batchId}`, key)).body;
  // A phone result names its input `input`, an email result `email`.
  const results: { input?: string; email?: string }[] = batch.results ?? [];
  const seen = new Map<string, number>();
  for (const r of results) {
    const input = r.input ?? r.email ?? '';
    seen.set(input, (seen.get(input) ?? 0) + 1);
  }
  const lost = inputs.filter((i) => !seen.has(i)).length;
  const duplicates = results.length - seen.size;
  const account = (await call(url, 'GET', '/api/v1/account?limit=200', key)).body;
  const debits = (account.ledger as { reference: string; kind: string; amount: number }[]).filter(
    (e) => e.reference === batchId && e.kind === 'debit',
  );
  const debited = -debits.reduce((sum, e) => sum + e.amount, 0);
  return {
    status: batch.status,
    total: batch.total,
    processed: batch.processed,
    lost,
    duplicates,
    doubleCharges: Math.max(0, debits.length - 1) + Math.max(0, debited - inputs.length),
    creditsCharged: batch.credits_charged,
    creditsRefunded: batch.credits_refunded,
  };
}

/** Terminates every connection Sieve's processes hold to `database` (one round); answers how many. */
export async function terminateBackends(serverUrl: string, database: string): Promise<number> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = $1 and application_name = 'sieve' and pid <> pg_backend_pid()`,
      [database],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
