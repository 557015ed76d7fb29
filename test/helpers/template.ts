// Every test file starts from a migrated template: a PGlite dump file (embedded) or a template database
// on the server named for this run (TEST_DATABASE_URL). Built once per run by global-setup.ts.
import os from 'node:os';
import path from 'node:path';

export const RUN_ID = process.env.SIEVE_TEST_RUN_ID ?? `${process.pid}${Date.now().toString(36)}`;
export const serverUrl = () => process.env.TEST_DATABASE_URL?.trim() || undefined;
export const templateDbName = (runId: string) => `sieve_tpl_${runId}`;
export const testDbPrefix = (runId: string) => `sieve_t_${runId}_`;
export const templateDumpPath = (runId: string) => path.join(os.tmpdir(), `sieve-template-${runId}.tar`);

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
