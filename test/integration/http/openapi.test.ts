// The OpenAPI document is the contract of every operation: each has an operationId, tags, a summary and its
// error responses; every customer operation refuses a missing and a revoked key, every operator operation a
// missing token; and the served document is the committed snapshot (docs/openapi.json).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAllSchemas } from '../../../src/http/deferred-compile.js';
import { defaultOpenApiDocument, OPENAPI_SNAPSHOT, openApiText } from '../../../src/http/openapi.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, unknown>[];
  parameters?: { in: string; name: string; schema?: { pattern?: string } }[];
  responses: Record<string, { description?: string }>;
}
type Doc = { paths: Record<string, Record<string, Operation>> };

let t: TestApp;
let doc: Doc;
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) operations.push({ method: method.toUpperCase(), path, op });
  }
});
afterAll(() => t.close());

/** A concrete URL for a path template: each id parameter gets a well-formed id of its kind. */
function concrete(path: string, op: Operation): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const pattern = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema?.pattern ?? '';
    const prefix = /^\^(\w+)_\[0-9a-f\]\{32\}\$$/.exec(pattern)?.[1];
    return prefix ? `${prefix}_${'0'.repeat(32)}` : 'x';
  });
}

describe('the OpenAPI document', () => {
  it("every route's validators and serialisers, left for their first use, compile", () => {
    // Compiled lazily at run time: a schema ajv or fast-json-stringify refuses would otherwise only show on first use.
    expect(compileAllSchemas()).toBeGreaterThan(2 * operations.length);
    expect(compileAllSchemas()).toBe(0);
  });

  it('has operations, each with a unique camelCase operationId, tags, a summary and documented errors', () => {
    expect(operations.length).toBeGreaterThan(20);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of operations) {
      const where = `${method} ${path}`;
      expect(op.operationId, where).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(op.tags?.length, where).toBeGreaterThan(0);
      expect(op.summary, where).toBeTruthy();
      const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      for (const status of ['422', '500', '503']) expect(errors, where).toContain(status);
      for (const status of errors) expect(op.responses[status]?.description, `${where} ${status}`).toMatch(/`[a-z_]+`/);
      if (path.startsWith('/api/v1/')) {
        expect(op.security, where).toEqual([{ apiKey: [] }]);
        expect(errors, where).toContain('401');
      }
      if (path.startsWith('/admin/v1/')) {
        expect(op.security, where).toEqual([{ adminToken: [] }]);
        expect(errors, where).toContain('401');
      }
    }
  });

  it('every customer operation answers 401 without a key and with a revoked key', async () => {
    const { account_id } = await t.createAccount(10);
    const key = (await t.admin('POST', `/admin/v1/accounts/${account_id}/keys`, { name: 'to revoke' })).json();
    expect((await t.admin('DELETE', `/admin/v1/keys/${key.key_id}`)).statusCode).toBe(200);
    const customer = operations.filter((o) => o.path.startsWith('/api/v1/'));
    expect(customer.length).toBeGreaterThan(10);
    for (const { method, path, op } of customer) {
      const url = concrete(path, op);
      const none = await t.app.inject({ method: method as 'GET', url });
      expect([none.statusCode, none.json().error.code], `${method} ${url}`).toEqual([401, 'missing_api_key']);
      const revoked = await t.api(key.api_key, method, url);
      expect([revoked.statusCode, revoked.json().error.code], `${method} ${url}`).toEqual([401, 'revoked_api_key']);
    }
  });

  it('every operator operation answers 401 without the token', async () => {
    const operator = operations.filter((o) => o.path.startsWith('/admin/v1/'));
    expect(operator.length).toBeGreaterThan(4);
    for (const { method, path, op } of operator) {
      const url = concrete(path, op);
      const res = await t.app.inject({ method: method as 'GET', url });
      expect([res.statusCode, res.json().error.code], `${method} ${url}`).toEqual([401, 'missing_admin_token']);
    }
  });

  it('as served, is the committed snapshot (run `npm run openapi:snapshot` after changing an operation)', async () => {
    const committed = fs.readFileSync(OPENAPI_SNAPSHOT, 'utf8');
    const hint = 'docs/openapi.json is out of date: run `npm run openapi:snapshot`';
    expect(openApiText(doc), hint).toBe(committed);
    expect(openApiText(await defaultOpenApiDocument()), hint).toBe(committed);
  });
});
