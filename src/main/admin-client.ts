// The operator commands of the CLI talk to a running Sieve through its admin API, so they work the
// same against the embedded store (which only its own process may open) and a PostgreSQL server.

export class AdminClientError extends Error {}

export interface AdminClientOptions {
  baseUrl: string;
  token: string | undefined;
}

export function adminClient({ baseUrl, token }: AdminClientOptions) {
  return async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    if (!token) {
      throw new AdminClientError(
        'Set ADMIN_TOKEN to the token the server was started with (an embedded Sieve started without one keeps it in DATA_DIR/admin-token).',
      );
    }
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/admin/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new AdminClientError(
        `Cannot reach Sieve at ${baseUrl} (${(err as Error).message}). Is it running? Set SIEVE_URL if it listens elsewhere.`,
      );
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } }).error;
      throw new AdminClientError(`${response.status} ${error?.code ?? ''}: ${error?.message ?? text}`.trim());
    }
    return parsed as T;
  };
}
