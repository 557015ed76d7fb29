// The operator token of an embedded Sieve started without ADMIN_TOKEN: made once, kept in DATA_DIR beside the
// store (readable by its owner only), so that the operator commands work on a fresh checkout with no set-up.
// Whoever can read DATA_DIR can read the store itself, so the file gives nobody more than they had.
// On a PostgreSQL server (DATABASE_URL) there is no such file: the operator API is on only with ADMIN_TOKEN.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ADMIN_TOKEN_FILE = 'admin-token';

export const adminTokenPath = (dataDir: string) => path.join(dataDir, ADMIN_TOKEN_FILE);

/** The token kept in `dataDir`, or undefined when there is none (or it cannot be read). */
export function readAdminToken(dataDir: string): string | undefined {
  try {
    const token = fs.readFileSync(adminTokenPath(dataDir), 'utf8').trim();
    return token.length >= 16 ? token : undefined;
  } catch {
    return undefined;
  }
}

/** The token kept in `dataDir`, made and written (mode 0600) if there is none yet. */
export function ensureAdminToken(dataDir: string): { token: string; created: boolean } {
  const existing = readAdminToken(dataDir);
  if (existing) return { token: existing, created: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('hex');
  fs.writeFileSync(adminTokenPath(dataDir), `${token}\n`, { mode: 0o600 });
  return { token, created: true };
}
