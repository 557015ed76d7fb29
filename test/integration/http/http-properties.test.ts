// Random requests across every operation of the OpenAPI document (fast-check, the arbitraries derived from each
// operation's schemas: parameters, headers, bodies, with values pushed past their bounds, of the wrong type or
// malformed): never a 5xx, every error in the envelope with a code of the table (and its status), and after all
// of them every account's ledger still adds up to its balance. The seed is printed on failure (FC_SEED=... to
// replay it). Traffic stays on loopback: the DNS server and mail server are the test's own.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../../src/http/errors.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../helpers/app.js';
import { mxHost, startEmailWorld, type EmailWorld } from '../../helpers/email-world.js';

const RUNS = Number(process.env.FC_RUNS ?? 2_100);
const MX = '127.0.0.71';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  default?: unknown;
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  body?: { type: string; schema: JsonSchema };
  security: 'apiKey' | 'adminToken' | 'none';
}

let world: EmailWorld;
let t: TestApp;
let operations: Operation[];
/** Ids seen in answers, by prefix, to aim path parameters at things that exist. */
const known = new Map<string, Set<string>>();
const keys: string[] = [];
/** Keys the run must not revoke (it would leave it without a caller). */
const protectedKeyIds = new Set<string>();

function remember(value: unknown, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') {
      const m = /^(bat|we|msg|key|acc)_[0-9a-f]{32}$/.exec(v);
      if (m?.[1] && !(m[1] === 'key' && protectedKeyIds.has(v))) {
        const set = known.get(m[1]) ?? new Set();
        if (set.size < 50) set.add(v);
        known.set(m[1], set);
      }
      if (name === 'api_key' && v.startsWith('sv_live_') && keys.length < 20) keys.push(v);
    } else remember(v, depth + 1);
  }
}

beforeAll(async () => {
  world = await startEmailWorld(
    { ...mxHost('shop.test', MX), 'hooks.shop.test': { A: ['127.0.0.1'] } },
    { [MX]: { mailboxes: ['ann@shop.test', 'bob@shop.test'] } },
  );
  t = await startTestApp({
    env: {
      ...world.env,
      SMTP_TIMEOUT_MS: '2000',
      DNS_TIMEOUT_MS: '500',
      RATE_LIMIT_BULK_PER_MINUTE: '100000',
      RATE_LIMIT_ASYNC_PER_MINUTE: '100000',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '100000',
    },
  });
  for (const credits of [1_000_000, 3]) {
    const account = await t.createAccount(credits);
    keys.push(account.api_key);
    protectedKeyIds.add(account.key_id);
    remember({ account_id: account.account_id });
  }
  // A batch and an endpoint to aim at from the start.
  remember((await t.api(keys[0]!, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'] })).json());
  operations = readOperations(t.app.swagger() as unknown as Record<string, unknown>);
});
afterAll(async () => {
  await t?.close();
  await world?.close();
});

function readOperations(spec: Record<string, unknown>): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content ?? {};
      const bodyType = Object.keys(content)[0];
      const security = (op.security as Record<string, unknown>[] | undefined)?.[0];
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId),
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        ...(bodyType ? { body: { type: bodyType, schema: content[bodyType]!.schema } } : {}),
        security: security ? (Object.keys(security)[0] as Operation['security']) : 'none',
      });
    }
  }
  return out;
}

/** Values that are wrong for nearly any field: out of every range, of another type, malformed. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e20, 2147483648, -2147483649, 2 ** 53, -1, 0, 1.5, -0.5, 1e308),
  fc.constantFrom('', ' ', 'null', '1e20', '9007199254740993', 'NaN', '\u0000', '%00', '../../etc', "'; drop table accounts; --"),
  fc.constantFrom(null, true, false, [], {}),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constant('x'.repeat(5_000)),
);

const phones = fc.oneof(
  fc.constantFrom('+33612345678', '+14155552671', '+442071838750', '0612345678', 'tel:+33612345678', '+999', 'call me'),
  fc.stringMatching(/^\+?[0-9 ()-]{1,20}$/),
);
const emails = fc.oneof(
  fc.constantFrom('ann@shop.test', 'bob@shop.test', 'nobody@shop.test', 'x@nowhere.test', 'a@b', '@shop.test', 'ann@[127.0.0.1]'),
  fc.emailAddress().map((e) => e.replace(/@.*$/, '@shop.test')),
  fc.emailAddress().map((e) => `${e}.test`),
);
const urls = fc.oneof(
  fc.constantFrom(
    'https://hooks.shop.test/in',
    'http://127.0.0.1:1/x',
    'https://10.0.0.1/x',
    'ftp://hooks.shop.test/',
    'not a url',
    'https://unknown.test/x',
  ),
  fc.webUrl().map((u) => u.replace(/^(https?:\/\/)[^/:?#]+/, '$1hooks.shop.test')),
);

/** `arbitrary` once in `every` values, else null. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every: number) =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** A value for `schema`, mostly valid, sometimes past its bounds, of the wrong type or arbitrary. */
function valueFor(schema: JsonSchema, name = '', depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 20, arbitrary: validFor(schema, name, depth) }, { weight: 1, arbitrary: wild });
}

function validFor(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validFor(s, name, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (/^phones?$/.test(name) && type !== 'array') return phones;
  if (/^emails?$/.test(name) && type !== 'array') return emails;
  if (/url$/.test(name)) return urls;
  switch (type) {
    case 'integer': {
      const min = schema.minimum ?? -1_000;
      const max = Math.min(schema.maximum ?? 1_000_000, min + 1_000_000);
      return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min, max }) },
        { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            ...(schema.maximum !== undefined ? [schema.maximum + 1, schema.maximum * 10] : [2 ** 31, 2 ** 53]),
          ),
        },
      );
    }
    case 'number':
      return fc.double({ noNaN: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      const max = Math.min(schema.maxLength ?? 40, 300);
      type Weighted = { weight: number; arbitrary: fc.Arbitrary<string> };
      const options: Weighted[] = [{ weight: 4, arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: max }) }];
      if (schema.pattern) options.push({ weight: 12, arbitrary: fc.stringMatching(new RegExp(schema.pattern)) });
      const hint = (values: string[]) => options.push({ weight: 12, arbitrary: fc.constantFrom(...values) });
      if (name === 'country') hint(['FR', 'us', 'GB', 'ZZ', 'XX']);
      if (name === 'level') hint(['basic', 'basic', 'hlr']);
      if (name === 'status') hint(['valid', 'valid,risky', 'invalid', 'unknown,duplicate']);
      if (schema.maxLength !== undefined) options.push({ weight: 1, arbitrary: fc.constant('y'.repeat(schema.maxLength + 1)) });
      return fc.oneof(...options);
    }
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const item = schema.items ? valueFor(schema.items, name, depth + 1) : wild;
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    }
    case 'object': {
      if (depth > 3) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, s] of Object.entries(properties)) record[key] = valueFor(s, key, depth + 1);
      const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
      return fc
        .tuple(
          fc.record(record, { requiredKeys }),
          // Now and then a field the schema does not know, or a required one left out.
          rarely(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), wild), 20),
          rarely(fc.constantFrom(...(requiredKeys.length ? requiredKeys : [''])), 25),
        )
        .map(([value, extra, drop]) => {
          const copy: Record<string, unknown> = { ...value };
          if (extra) copy[extra[0]] = extra[1];
          if (drop) delete copy[drop];
          return copy;
        });
    }
    default:
      return wild;
  }
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** A path parameter: an id that exists, one shaped right, anything. */
function pathValue(param: Parameter): fc.Arbitrary<string> {
  const prefix = /^\^?\(?([a-z]+)_/.exec(param.schema.pattern ?? '')?.[1];
  const existing = prefix ? [...(known.get(prefix) ?? [])] : [];
  return fc.oneof(
    { weight: existing.length ? 5 : 0, arbitrary: existing.length ? fc.constantFrom(...existing) : fc.constant('x') },
    { weight: 3, arbitrary: validFor(param.schema, param.name, 0).map(asText) },
    { weight: 1, arbitrary: wild.map(asText) },
  );
}

interface Request {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const cache = new Map<string, fc.Arbitrary<Request>>();

/** requestFor(op), built again only when new ids or keys have been seen. */
function cachedRequestFor(op: Operation): fc.Arbitrary<Request> {
  const version = `${op.operationId}:${keys.length}:${[...known.values()].map((s) => s.size).join(',')}`;
  let arbitrary = cache.get(version);
  if (!arbitrary) cache.set(version, (arbitrary = requestFor(op)));
  return arbitrary;
}

function requestFor(op: Operation): fc.Arbitrary<Request> {
  const params = op.parameters;
  const pathArbs = params.filter((p) => p.in === 'path').map((p) => pathValue(p).map((v) => [p.name, v] as const));
  const queryArbs = params
    .filter((p) => p.in === 'query')
    .map((p) =>
      fc.option(
        valueFor(p.schema, p.name).map((v) => [p.name, asText(v)] as const),
        { freq: 2 },
      ),
    );
  const headerArbs = params
    .filter((p) => p.in === 'header')
    .map((p) =>
      fc.option(
        valueFor(p.schema, p.name).map((v) => [p.name, asText(v)] as const),
        { freq: 2 },
      ),
    );
  const auth = (() => {
    if (op.security === 'adminToken') {
      return fc.oneof(
        { weight: 9, arbitrary: fc.constant(ADMIN_TOKEN) },
        { weight: 1, arbitrary: fc.constantFrom('', 'wrong-token-01234567') },
      );
    }
    if (op.security === 'apiKey') {
      // Mostly the two accounts' first keys (never revoked), now and then a key made (and maybe revoked) since.
      return fc.oneof(
        { weight: 6, arbitrary: fc.constant(keys[0]!) },
        { weight: 2, arbitrary: fc.constant(keys[1]!) },
        { weight: 1, arbitrary: fc.constantFrom(...keys) },
        { weight: 1, arbitrary: fc.constantFrom('', 'sv_live_nope', 'Basic abc', `sv_live_${'0'.repeat(40)}`) },
      );
    }
    return fc.constant('');
  })();
  const body: fc.Arbitrary<{ type?: string; text?: string }> = !op.body
    ? fc.oneof(
        { weight: 9, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.constant({ type: 'application/json', text: '{"x":1}' }) },
      )
    : op.body.type === 'application/json'
      ? fc.oneof(
          { weight: 12, arbitrary: valueFor(op.body.schema).map((v) => ({ type: 'application/json', text: JSON.stringify(v) })) },
          { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => ({ type: 'application/json', text })) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('text/plain', 'application/xml', 'text/csv').map((type) => ({ type, text: 'a=1' })),
          },
          { weight: 1, arbitrary: fc.constant({}) },
        )
      : fc.oneof(
          // A file: lines of phones or emails, a header sometimes, odd bytes now and then.
          fc
            .tuple(fc.boolean(), fc.array(fc.oneof(phones, emails, fc.string({ maxLength: 20 })), { maxLength: 8 }))
            .map(([header, lines]) => ({ type: 'text/csv', text: (header ? 'contact\n' : '') + lines.join('\n') })),
          fc.string({ maxLength: 50 }).map((text) => ({ type: 'text/plain', text })),
          fc.constant({ type: 'application/json', text: '{}' }),
          fc.constant({}),
        );
  return fc
    .record({
      path: fc.tuple(...pathArbs),
      query: fc.tuple(...queryArbs),
      headers: fc.tuple(...headerArbs),
      auth,
      body,
    })
    .map(({ path, query, headers, auth: token, body: b }) => {
      let url = op.path;
      for (const [name, value] of path) url = url.replace(`{${name}}`, encodeURIComponent(value));
      const search = new URLSearchParams();
      for (const entry of query) if (entry) search.append(entry[0], entry[1]);
      const qs = search.toString();
      const out: Request = { method: op.method, url: qs ? `${url}?${qs}` : url, headers: {} };
      if (token) out.headers.authorization = token.includes(' ') ? token : `Bearer ${token}`;
      for (const entry of headers) if (entry) out.headers[entry[0]] = entry[1].replace(/[^\x20-\x7e]/g, '?');
      if (b.type) out.headers['content-type'] = b.type;
      if (b.text !== undefined) out.payload = b.text;
      return out;
    });
}

describe('random requests across every operation', () => {
  it(`${RUNS} requests: no 5xx, every error a known code with its status, the ledger equal to the balance`, async () => {
    expect(operations.length).toBeGreaterThan(25);
    const seen = new Map<string, number>();
    const statuses = new Map<number, number>();
    const spent = new Map<string, number>();
    const codes = new Map<string, number>();
    // The arbitraries are rebuilt each round, so that ids created by earlier requests are aimed at later.
    const request = fc
      .constant(null)
      .chain(() => fc.constantFrom(...operations).chain((op) => cachedRequestFor(op).map((r) => ({ op, r }))));
    await fc.assert(
      fc.asyncProperty(request, async ({ op, r }) => {
        const started = performance.now();
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: r.url,
          headers: r.headers,
          ...(r.payload !== undefined ? { payload: r.payload } : {}),
        });
        seen.set(op.operationId, (seen.get(op.operationId) ?? 0) + 1);
        spent.set(op.operationId, (spent.get(op.operationId) ?? 0) + performance.now() - started);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const where = `${r.method} ${r.url.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const body = res.json();
          const code = body?.error?.code as keyof typeof ERROR_STATUS;
          const tally = `${op.operationId} ${code} ${String(body?.error?.message).slice(0, 60)}`;
          codes.set(tally, (codes.get(tally) ?? 0) + 1);
          expect(ERROR_STATUS[code], where).toBe(res.statusCode);
          expect(typeof body.error.message, where).toBe('string');
          expect(body.request_id, where).toBe(res.headers['x-request-id']);
        } else if (String(res.headers['content-type']).includes('json') && res.body) {
          remember(res.json());
        }
      }),
      {
        numRuns: RUNS,
        ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
        // Shrinking replays requests against a store the earlier ones changed: keep it short.
        endOnFailure: true,
      },
    );
    if (process.env.FC_STATS) {
      const byOp = [...spent].sort(([, a], [, b]) => b - a).map(([op, ms]) => `${op} ${seen.get(op)}× ${Math.round(ms)} ms`);
      console.log(`statuses ${JSON.stringify(Object.fromEntries(statuses))}\n${byOp.join('\n')}`);
      console.log([...codes].map(([k, n]) => `${k} ${n}`).join('\n'));
    }
    // Every operation was called, and most answered something other than an error at least once.
    for (const op of operations) expect(seen.get(op.operationId) ?? 0, op.operationId).toBeGreaterThan(10);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);

    const { rows } = await t.store.db.query<{ id: string; balance: string; total: string | null; last: string | null }>(
      `select a.id, a.balance::text,
              (select sum(amount)::text from ledger l where l.account_id = a.id) as total,
              (select balance_after::text from ledger l where l.account_id = a.id order by id desc limit 1) as last
         from accounts a`,
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.total ?? '0', row.id).toBe(row.balance);
      expect(row.last ?? '0', row.id).toBe(row.balance);
    }
  }, 180_000);
});
