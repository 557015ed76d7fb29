// Takes a screenshot of every dashboard page into docs/screenshots/ (linked from README), against a real Sieve
// on a fresh embedded test store, with an account that has run a file through and a webhook receiver that
// fails, so every page has something to show. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// Usage: npx tsx scripts/dashboard-screenshots.ts
import path from 'node:path';
import type { Page } from 'playwright-core';
import setupTestStores from '../test/global-setup.js';
import { ADMIN_TOKEN } from '../test/helpers/app.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { startDashboardServer } from '../test/helpers/dashboard.js';
import { startHttpReceiver } from '../test/helpers/http-receiver.js';
import { waitFor } from '../test/helpers/wait.js';

const OUT = path.resolve('docs/screenshots');
const CSV = [
  'customer,phone,city',
  'Ann Lee,+33 6 12 34 56 78,Paris',
  'Bob Stone,+44 7911 123456,London',
  'Cid Moreau,06 12 34 56 78,Lyon',
  'Dee Park,,Nice',
  'Eve Rossi,not known,Rome',
  'Fay Chen,+1 415 555 2671,San Francisco',
  'Gus Berg,+49 1512 3456789,Berlin',
  'Hal Ito,+81 90 1234 5678,Tokyo',
  'Ivy Diaz,+34 612 34 56 78,Madrid',
  'Jon Bell,+1 202 555 0143,Washington',
].join('\n');

async function main() {
  // The migrated template the test helpers clone a store from (as vitest's global setup makes it).
  const teardown = await setupTestStores();
  const receiver = await startHttpReceiver({ fallback: { status: 500, body: '{"error":"receiver down"}' } });
  const server = await startDashboardServer({ env: { WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8', WEBHOOK_RETRY_SCHEDULE: '1s' } });
  const browser = await launchBrowser();
  try {
    const { t } = server;
    const account = await t.createAccount(5000, 'Acme Retail');
    await t.createAccount(120, 'Northwind Traders');
    await t.api(account.api_key, 'POST', '/api/v1/keys', { name: 'CRM import' });
    const endpoint = await t.api(account.api_key, 'POST', '/api/v1/webhooks/endpoints', {
      url: `${receiver.url}/hooks/sieve`,
      event_types: ['batch.completed', 'batch.failed'],
      description: 'Order system',
    });
    if (endpoint.statusCode !== 201) throw new Error(endpoint.body);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads?filename=customers.csv&country=FR',
      headers: { authorization: `Bearer ${account.api_key}`, 'content-type': 'text/csv' },
      payload: CSV,
    });
    if (upload.statusCode !== 202) throw new Error(upload.body);
    const batchId = upload.json().batch_id as string;
    await waitFor(
      async () => (await t.api(account.api_key, 'GET', `/api/v1/batch/${batchId}?limit=1`)).json().status === 'completed',
      60_000,
      'the batch did not complete',
      200,
    );
    await waitFor(
      async () => (await t.api(account.api_key, 'GET', '/api/v1/webhooks/deliveries?status=failed')).json().data.length > 0,
      60_000,
      'no failed delivery',
      200,
    );

    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const shot = async (name: string) => {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
      console.log(`docs/screenshots/${name}.png`);
    };
    const signIn = async (p: Page, token: string) => {
      await p.goto('/dashboard/');
      await p.getByLabel('API key or operator token').fill(token);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('button', { name: 'Sign out' }).waitFor();
    };

    await page.goto('/dashboard/');
    await page.getByLabel('API key or operator token').waitFor();
    await shot('sign-in');
    await signIn(page, account.api_key);
    await page.getByTestId('credits-remaining').waitFor();
    await shot('overview');
    await page.goto('/dashboard/new');
    await page.getByLabel(/Or paste numbers/).fill(CSV);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('preview-counts').waitFor();
    await shot('new-check');
    await page.goto(`/dashboard/batches/${batchId}`);
    await page.getByTestId('donut-total').waitFor();
    await shot('batch');
    await page.goto('/dashboard/webhooks?status=failed');
    await page.getByTestId('delivery').first().waitFor();
    await page
      .getByText(/^Attempts \(/)
      .first()
      .click();
    await shot('webhooks');
    await page.goto('/dashboard/keys');
    await page.getByRole('heading', { name: 'Your keys' }).waitFor();
    await shot('api-keys');
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, ADMIN_TOKEN);
    await page.getByRole('link', { name: account.account_id }).waitFor();
    await shot('operator-accounts');
    await page.getByRole('link', { name: account.account_id }).click();
    await page.getByTestId('operator-credits').waitFor();
    await shot('operator-account');
    await page.goto('/dashboard/operator/system');
    await page.getByRole('heading', { name: 'Live workers' }).waitFor();
    await shot('operator-system');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await receiver.close();
    await teardown();
  }
}

await main();
