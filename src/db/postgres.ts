// A PostgreSQL server through node-postgres: a pool for queries and transactions, and one dedicated
// connection for LISTEN that reconnects by itself. Any number of processes can share the server.
// Connections can be lost at any moment (a terminated backend, a server restart): a lost connection fails the
// statement or transaction that used it, and is never reused; the next one connects afresh. An 'error' event
// of a node-postgres client with nobody listening would end the process, so every client has a listener.
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import type { Db, Queryable, QueryResult, Row } from './db.js';

// int8 (count(*), bigint columns) as numbers, as the embedded store returns them. Credits stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

function lastResult(res: pg.QueryResult | pg.QueryResult[]): QueryResult<Row> {
  const last = Array.isArray(res) ? res[res.length - 1] : res;
  return { rows: (last?.rows ?? []) as Row[], rowCount: last?.rowCount ?? 0 };
}

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const res = await target.query(text, params as unknown[] | undefined);
      return { rows: res.rows as T[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(text: string) {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      return lastResult((await target.query(text)) as unknown as pg.QueryResult | pg.QueryResult[]);
    },
  };
}

const CONNECT_TIMEOUT_MS = 15_000;
/** Waits between attempts to reconnect the LISTEN connection: doubled from the first up to the last. */
const LISTEN_RETRY_MS = { first: 250, max: 10_000 };

/**
 * A client of the pool for several statements (a transaction, a session lock). While it is checked out the pool
 * does not listen to its errors: we do, and a client that failed is destroyed on release, not put back.
 */
async function checkout(pool: pg.Pool): Promise<{ client: pg.PoolClient; release(err?: Error): void }> {
  const client = await pool.connect();
  let failed: Error | undefined;
  const onError = (err: Error) => {
    failed = err;
  };
  client.on('error', onError);
  return {
    client,
    release(err) {
      client.off('error', onError);
      client.release(err ?? failed);
    },
  };
}

export interface PostgresOptions {
  connectionString: string;
  poolMax: number;
  applicationName?: string;
  log?: Logger;
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const connection = { connectionString: options.connectionString, application_name: options.applicationName ?? 'sieve', types };
  const pool = new pg.Pool({
    ...connection,
    max: options.poolMax,
    idleTimeoutMillis: 30_000,
    // A server that does not answer (restarting, unreachable) fails the connection rather than hanging it.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  pool.on('error', (err) => options.log?.warn({ err: err.message }, 'idle PostgreSQL connection failed'));
  // Fail fast with a clear error when the server is unreachable.
  await pool.query('select 1');

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let retries = 0;

  const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

  /** Tries again to connect the LISTEN connection after a wait that grows with each failure. */
  function reconnectLater(): void {
    if (closed || retryTimer) return;
    const wait = Math.min(LISTEN_RETRY_MS.max, LISTEN_RETRY_MS.first * 2 ** Math.min(retries, 10));
    retries++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      ensureListener().catch((err: Error) => {
        if (retries === 1 || retries % 10 === 0)
          options.log?.warn({ err: err.message, retries }, 'LISTEN connection failed; retrying');
        reconnectLater();
      });
    }, wait);
    retryTimer.unref();
  }

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({ ...connection, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
    client.on('notification', (msg) => {
      for (const cb of listeners.get(msg.channel) ?? []) cb(msg.payload ?? '');
    });
    let connected = false;
    const lost = (err?: Error) => {
      if (!connected) return; // a failed connect rejects connectListener, which retries
      connected = false;
      if (listenClient === client) listenClient = undefined;
      client.end().catch(() => {});
      if (closed) return;
      options.log?.warn({ err: err?.message }, 'LISTEN connection lost; reconnecting');
      reconnectLater();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      connected = true;
      for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      connected = false;
      client.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await client.end().catch(() => {});
      throw new Error('store closed');
    }
    listenClient = client;
    if (retries > 0) options.log?.info({ retries }, 'LISTEN connection restored');
    retries = 0;
    // Anything sent while we were disconnected is lost: tell every listener to look again.
    for (const set of listeners.values()) for (const cb of set) cb('');
    return client;
  }

  function ensureListener(): Promise<pg.Client> {
    if (listenClient) return Promise.resolve(listenClient);
    connecting ??= connectListener().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const { client, release } = await checkout(pool);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackErr: Error) => {
          broken = rollbackErr;
        });
        throw err;
      } finally {
        release(broken);
      }
    },
    async withLock(key, fn) {
      const { client, release } = await checkout(pool);
      let broken: Error | undefined;
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          // A lost connection has released the lock already.
          await client.query('select pg_advisory_unlock($1)', [key]).catch((err: Error) => {
            broken = err;
          });
        }
      } finally {
        release(broken);
      }
    },
    async listen(channel, onNotify) {
      let set = listeners.get(channel);
      const isNew = !set;
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(onNotify);
      const client = await ensureListener();
      if (isNew) await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        set.delete(onNotify);
        if (set.size === 0) {
          listeners.delete(channel);
          await listenClient?.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(retryTimer);
      const client = listenClient;
      listenClient = undefined;
      await client?.end().catch(() => {});
      await pool.end();
    },
  };
}
