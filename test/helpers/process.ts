// Runs `sieve` as a real child process (start, serve, worker, migrate, operator commands).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const SIEVE_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/sieve.js');

export interface SieveProcess {
  proc: ChildProcess;
  url: string | undefined;
  /** The "sieve started" log line (url, startup_ms, ...). */
  started: { url?: string; startup_ms?: number };
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

const baseEnv = () => {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key]) env[key] = process.env[key] as string;
  return env;
};

/** Starts `sieve <args>` and resolves once it logs "sieve started" (or rejects if it exits first). */
export function startSieve(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<SieveProcess> {
  const proc = spawn(process.execPath, [SIEVE_BIN, ...args], {
    env: { ...baseEnv(), PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += d;
  });
  proc.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`sieve ${args.join(' ')} did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      for (const line of out.split('\n')) {
        if (!line.includes('"sieve started"')) continue;
        clearTimeout(timer);
        proc.stdout?.off('data', onData);
        const started = JSON.parse(line) as SieveProcess['started'];
        resolve({
          proc,
          url: started.url,
          started,
          output: () => out,
          exited,
          stop: (signal = 'SIGTERM') => {
            proc.kill(signal);
            return exited;
          },
        });
        return;
      }
    };
    proc.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`sieve ${args.join(' ')} exited with ${code} before starting:\n${out}`));
    });
  });
}

/**
 * The processes and temporary folders of one test file, with `defaults` in every process's environment;
 * all killed and removed after the file's tests. Call at the top level of the file.
 */
export function sieveProcesses(defaults: Record<string, string>) {
  const running: SieveProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const p of running) if (p.proc.exitCode === null) await p.stop('SIGKILL');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  return {
    async start(args: string[], env: Record<string, string>): Promise<SieveProcess> {
      const p = await startSieve(args, { ...defaults, ...env });
      running.push(p);
      return p;
    },
    tempDir(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-proc-'));
      dirs.push(dir);
      return dir;
    },
  };
}

/** Runs `sieve <args>` to completion. */
export function runSieve(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [SIEVE_BIN, ...args], {
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => {
      stdout += d;
    });
    proc.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`sieve ${args.join(' ')} timed out:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
