// The one interface the rest of Sieve uses to reach PostgreSQL, whether embedded (PGlite) or a server (pg).
// Repositories take a `Queryable`, so they run alike on the pool and inside a transaction.

export type Row = Record<string, unknown>;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  /** One statement, parameters bound server-side ($1, $2, ...). */
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations, DDL); returns the rows of the last one. */
  exec(text: string): Promise<QueryResult<Row>>;
}

export type StoreKind = 'embedded' | 'postgres';

export interface Db extends Queryable {
  readonly kind: StoreKind;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a session-wide advisory lock: processes starting at once take turns (for work
   * that spans several transactions, such as installing pg-boss's schema).
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Calls `onNotify` for every NOTIFY on `channel` (and with '' after a reconnect, when some may have been missed). */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
