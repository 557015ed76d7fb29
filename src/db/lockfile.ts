// PGlite does not lock its folder, and two processes writing one folder silently diverge.
// The embedded store therefore holds this lock file for as long as it is open.
import fs from 'node:fs';
import os from 'node:os';

export class StoreLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded store in ${file.replace(/\/sieve\.lock$/, '')} is in use by another Sieve process (pid ${holderPid}). ` +
        'Only one process may open an embedded store: stop the other process, point DATA_DIR at another folder, ' +
        'or set DATABASE_URL to run several processes on a PostgreSQL server.',
    );
    this.name = 'StoreLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  started_at: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws StoreLockedError; a lock left by a dead process (kill -9, crash) is taken over. */
export function acquireLock(file: string): () => void {
  const content: LockContent = { pid: process.pid, host: os.hostname(), started_at: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      const sameHost = holder?.host === undefined || holder.host === os.hostname();
      if (holder && holder.pid !== process.pid && (!sameHost || isAlive(holder.pid))) {
        throw new StoreLockedError(file, holder.pid);
      }
      // Stale: its process is gone (or the file is unreadable garbage from an interrupted write).
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
