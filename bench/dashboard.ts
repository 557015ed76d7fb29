// The dashboard in a real headless Chromium against a real Sieve (embedded test store, API + worker in this
// process):
// 1. First load: the JavaScript the browser fetches to show /dashboard/ (signed out: the sign-in; signed in:
//    the overview), each file gzipped here (level 6, gzip's default), against the 300 KB budget.
// 2. The Batch page while a 10,000-row upload runs: the time from a click to the page's answer (a confirm
//    shown), frame gaps and long tasks, against the same page over the same batch once it has ended (baseline,
//    same run).
// Usage: npx tsx bench/dashboard.ts [--rows 10000]
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import setupTestStores from '../test/global-setup.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { startDashboardServer } from '../test/helpers/dashboard.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const ROWS = Number(arg('--rows') ?? 10_000);
const BUDGET_KB = 300;

async function firstLoad(context: BrowserContext, signedIn: boolean) {
  const page = await context.newPage();
  const scripts: { url: string; raw: number; gzip: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body();
    scripts.push({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
  });
  await page.goto('/dashboard/');
  await (signedIn ? page.getByTestId('credits-remaining') : page.getByLabel('API key or operator token')).waitFor();
  await page.waitForLoadState('networkidle');
  await page.close();
  return scripts;
}

/** In the page: click → confirm shown, `samples` times, and frame gaps and long tasks meanwhile. */
async function responsiveness(page: Page, samples: number, active: () => Promise<boolean>) {
  await page.evaluate(`(() => {
    window.__gaps = []; window.__long = 0; let last = performance.now();
    const frame = (t) => { window.__gaps.push(t - last); last = t; window.__raf = requestAnimationFrame(frame); };
    window.__raf = requestAnimationFrame(frame);
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long += e.duration; }).observe({ type: 'longtask' });
  })()`);
  const clicks: number[] = [];
  for (let i = 0; i < samples && (await active()); i++) {
    // The same action in both runs: a legend button toggled (its aria-pressed changes), then toggled back.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const button = document.querySelector('[data-testid="legend"] button');
      const start = performance.now();
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
      observer.observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
      button.click();
    })`)) as number;
    await page.locator('[data-testid="legend"] button').first().click();
    clicks.push(ms);
    await page.waitForTimeout(50);
  }
  const { gaps, long } = (await page.evaluate(
    `(() => { cancelAnimationFrame(window.__raf); return { gaps: window.__gaps.slice(1), long: window.__long }; })()`,
  )) as { gaps: number[]; long: number };
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
  return {
    clicks: clicks.length,
    clickP50: pct(clicks, 0.5),
    clickP95: pct(clicks, 0.95),
    frameP95: pct(gaps, 0.95),
    frameMax: Math.max(0, ...gaps),
    longTaskMs: long,
  };
}

async function main() {
  const teardown = await setupTestStores();
  // One job at a time, chunks of 100: the run lasts long enough to be measured while it goes on.
  const server = await startDashboardServer({ env: { LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '1', BATCH_PHONE_CHUNK: '100' } });
  const browser = await launchBrowser();
  try {
    const { t } = server;
    const account = await t.createAccount(ROWS * 2);
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });

    const out = await firstLoad(context, false);
    await context.request.post('/auth/v1/session', { data: { token: account.api_key } });
    const inn = await firstLoad(context, true);
    const sum = (xs: { gzip: number }[]) => xs.reduce((n, x) => n + x.gzip, 0) / 1024;
    console.log('first load of /dashboard/ (JavaScript, gzipped):');
    for (const s of inn) console.log(`  ${s.url}  ${(s.raw / 1024).toFixed(1)} KB raw, ${(s.gzip / 1024).toFixed(1)} KB gzipped`);
    console.log(`  signed out (sign-in page): ${sum(out).toFixed(1)} KB in ${out.length} file(s)`);
    console.log(
      `  signed in (overview): ${sum(inn).toFixed(1)} KB in ${inn.length} file(s); budget ${BUDGET_KB} KB; ratio ${(sum(inn) / BUDGET_KB).toFixed(2)}`,
    );

    // A 10,000-row file of distinct French mobile numbers.
    const csv = [
      'id,phone',
      ...Array.from({ length: ROWS }, (_, i) => `${i + 1},+336${String(10_000_000 + i * 7).slice(-8)}`),
    ].join('\n');
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads?filename=ten-thousand.csv',
      headers: { authorization: `Bearer ${account.api_key}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    if (upload.statusCode !== 202) throw new Error(upload.body);
    const batchId = upload.json().batch_id as string;
    const status = async () => (await t.api(account.api_key, 'GET', `/api/v1/batch/${batchId}?limit=1`)).json().status as string;
    const page = await context.newPage();
    await page.goto(`/dashboard/batches/${batchId}`);
    await page.locator('[data-testid="legend"] button').first().waitFor();
    const started = Date.now();
    const running = await responsiveness(page, 200, async () => ['queued', 'processing'].includes(await status()));
    const ranFor = (Date.now() - started) / 1000;
    while (['queued', 'processing'].includes(await status())) await new Promise((r) => setTimeout(r, 200));
    await page.reload();
    await page.getByTestId('donut-total').waitFor();
    await page.waitForLoadState('networkidle');
    const idle = await responsiveness(page, Math.max(5, running.clicks), async () => true);
    const row = (name: string, r: typeof running) =>
      `  ${name.padEnd(22)} clicks ${String(r.clicks).padStart(3)}  click→update p50 ${r.clickP50.toFixed(1)} ms, p95 ${r.clickP95.toFixed(1)} ms  ` +
      `frame gap p95 ${r.frameP95.toFixed(1)} ms, max ${r.frameMax.toFixed(0)} ms  long tasks ${r.longTaskMs.toFixed(0)} ms`;
    console.log(`Batch page, ${ROWS} rows (measured over ${ranFor.toFixed(1)} s of the run):`);
    console.log(row('while it runs', running));
    console.log(row('baseline: ended', idle));
    console.log(
      `  ratio click p95 running / ended: ${(running.clickP95 / Math.max(idle.clickP95, 0.1)).toFixed(2)}; frame p95: ${(running.frameP95 / Math.max(idle.frameP95, 0.1)).toFixed(2)}`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await teardown();
  }
}

await main();
