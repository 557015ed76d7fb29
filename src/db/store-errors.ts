// Whether an error says the store connection was lost (a terminated backend, a server restarting or
// unreachable, a pool that could not connect) rather than anything about the statement itself.

const LOST_MESSAGES =
  /Connection terminated|not queryable|ECONNREFUSED|ECONNRESET|EPIPE|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

export function isStoreConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  // 57P01-57P03: terminated by an administrator, crash shutdown, cannot connect now; 08xxx: connection exceptions.
  if (
    typeof code === 'string' &&
    (/^57P0[123]$/.test(code) || code.startsWith('08') || /^E(CONNREFUSED|CONNRESET|PIPE)$/.test(code))
  )
    return true;
  return LOST_MESSAGES.test(err.message);
}
