import fs from 'node:fs';
import pg from 'pg';
import { parseConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { openEmbedded } from '../src/db/embedded.js';
import { openPostgres } from '../src/db/postgres.js';
import { createLogger } from '../src/lib/logger.js';
import { RUN_ID, serverUrl, templateDbName, templateDumpPath, testDbPrefix, withDatabase } from './helpers/template.js';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function dropRunDatabases(admin: pg.Client, runId: string) {
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where datname like $1 or datname = $2',
    [`${testDbPrefix(runId)}%`, templateDbName(runId)],
  );
  for (const { datname } of rows) await admin.query(`drop database if exists ${quote(datname)} with (force)`);
}

export default async function setup() {
  process.env.SIEVE_TEST_RUN_ID = RUN_ID;
  const log = createLogger('silent');
  const config = parseConfig({ LOG_LEVEL: 'silent' });
  const url = serverUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await dropRunDatabases(admin, RUN_ID);
    await admin.query(`create database ${quote(templateDbName(RUN_ID))}`);
    const db = await openPostgres({ connectionString: withDatabase(url, templateDbName(RUN_ID)), poolMax: 2 });
    const ctx = await createContext(config, { log, db });
    await ctx.close();
    await admin.end();
    return async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await dropRunDatabases(cleanup, RUN_ID);
      await cleanup.end();
    };
  }
  const db = await openEmbedded({});
  const ctx = await createContext(config, { log, db: db });
  await ctx.queue.stop();
  const dump = await db.pglite.dumpDataDir('none');
  fs.writeFileSync(templateDumpPath(RUN_ID), Buffer.from(await dump.arrayBuffer()));
  await db.close();
  return async () => fs.rmSync(templateDumpPath(RUN_ID), { force: true });
}
