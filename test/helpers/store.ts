// A fresh, migrated store for one test file: a PGlite instance loaded from the template dump, or a
// database cloned from the template database on the server. Dropped again by `close`.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { Db } from '../../src/db/db.js';
import { openEmbedded } from '../../src/db/embedded.js';
import { openPostgres } from '../../src/db/postgres.js';
import { RUN_ID, serverUrl, templateDbName, templateDumpPath, testDbPrefix, withDatabase } from './template.js';

export interface TestStore {
  db: Db;
  /** Connection string of this test's database (server runs only). */
  url: string | undefined;
  close(): Promise<void>;
}

export const onServer = () => serverUrl() !== undefined;

export async function openTestStore(options: { poolMax?: number } = {}): Promise<TestStore> {
  const url = serverUrl();
  if (!url) {
    const dump = fs.readFileSync(templateDumpPath(RUN_ID));
    const db = await openEmbedded({ loadFrom: new Blob([dump]) });
    return { db, url: undefined, close: () => db.close() };
  }
  const name = `${testDbPrefix(RUN_ID)}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${templateDbName(RUN_ID)}"`);
  } finally {
    await admin.end();
  }
  const dbUrl = withDatabase(url, name);
  const db = await openPostgres({ connectionString: dbUrl, poolMax: options.poolMax ?? 20 });
  return {
    db,
    url: dbUrl,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}
