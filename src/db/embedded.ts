// The embedded store: PGlite (PostgreSQL compiled to WASM) in this process, persisted under DATA_DIR.
// One process per folder (see lockfile.ts). PGlite runs with fsync off: it survives a crash of this
// process but not a power loss; the PostgreSQL server is the durable option.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult, Row } from './db.js';
import { acquireLock } from './lockfile.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(target: PgliteLike): Queryable {
  return {
    async query<T = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const res = await target.query<T>(text, params as unknown[] | undefined);
      // PGlite reports affectedRows = 0 for a SELECT: count the rows then.
      return { rows: res.rows, rowCount: Math.max(res.affectedRows ?? 0, res.rows.length) };
    },
    async exec(text: string): Promise<QueryResult<Row>> {
      const results = await target.exec(text);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as Row[], rowCount: Math.max(last?.affectedRows ?? 0, last?.rows.length ?? 0) };
    },
  };
}

export interface EmbeddedOptions {
  /** Folder that holds the store; created when missing. Omit for an in-memory store (tests). */
  dataDir?: string;
  sharedBuffers?: string;
  /** A dump made by `dumpEmbedded`, loaded instead of running initdb (tests start from a migrated template). */
  loadFrom?: Blob;
}

export interface EmbeddedDb extends Db {
  readonly pglite: PGlite;
}

/**
 * PGlite runs without fsync, so it never survived an operating-system crash; within that limit, full-page
 * images and a replication-ready WAL buy nothing (a killed process cannot tear a page), and dropping them
 * makes bulk writes (batch results) about a fifth faster.
 */
const WRITE_SETTINGS = ['full_page_writes=off', 'wal_level=minimal', 'max_wal_senders=0'];

// Beside this file in src/db, copied to dist/db by the build (whose files all sit two folders below the project).
const INIT_SCRIPT = fileURLToPath(new URL('../db/embedded-init.mjs', import.meta.url));

/** Runs initdb for a new folder in a child process (see embedded-init.mjs). */
async function initialiseFolder(dataDir: string, sharedBuffers: string): Promise<void> {
  const partial = `${dataDir}.init`;
  fs.rmSync(partial, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [INIT_SCRIPT, partial, sharedBuffers]);
  // Only a finished initdb becomes the store: a crash half-way leaves no half-made folder behind.
  fs.renameSync(partial, dataDir);
}

export async function openEmbedded(options: EmbeddedOptions): Promise<EmbeddedDb> {
  let release = () => {};
  let dataDir: string | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    release = acquireLock(path.join(options.dataDir, 'sieve.lock'));
    dataDir = path.join(options.dataDir, 'pg');
  }
  const sharedBuffers = options.sharedBuffers ?? '16MB';
  let pglite: PGlite;
  try {
    if (dataDir && !options.loadFrom && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await initialiseFolder(dataDir, sharedBuffers);
    }
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadFrom ? { loadDataDir: options.loadFrom } : {}),
      postgresqlconf: [`shared_buffers=${sharedBuffers}`, ...WRITE_SETTINGS],
    });
  } catch (err) {
    release();
    throw err;
  }
  const base = wrap(pglite);
  let closed = false;
  return {
    kind: 'embedded',
    pglite,
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    // One process, one connection: there is nobody to take turns with.
    withLock: (_key, fn) => fn(),
    async listen(channel, onNotify) {
      const unlisten = await pglite.listen(channel, onNotify);
      return async () => {
        if (!closed) await unlisten();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}
