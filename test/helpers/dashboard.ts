// A whole Sieve listening on a loopback port (API, worker and webhook sender on the embedded or server test
// store), for the browser: the dashboard is built first when dist/dashboard is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DASHBOARD_DIR } from '../../src/http/dashboard.js';
import { WorkerLiveness } from '../../src/worker/worker-liveness.js';
import { startTestApp, type TestApp, type TestAppOptions } from './app.js';

export interface DashboardServer {
  t: TestApp;
  /** http://127.0.0.1:port */
  url: string;
  close(): Promise<void>;
}

export function ensureDashboardBuilt(): void {
  if (existsSync(path.join(DASHBOARD_DIR, 'index.html'))) return;
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', 'dashboard', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

export async function startDashboardServer(options: TestAppOptions = {}): Promise<DashboardServer> {
  ensureDashboardBuilt();
  const t = await startTestApp(options);
  const worker = t.newWorker();
  // As `sieve start` does: the worker's heartbeat row, which the operator's system page counts.
  const liveness = new WorkerLiveness(t.ctx.db, t.ctx.queue, worker, t.ctx.config.worker, t.ctx.log);
  await liveness.start();
  await worker.start();
  await t.startDispatcher();
  const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    t,
    url,
    async close() {
      await liveness.stop();
      await t.close();
    },
  };
}
