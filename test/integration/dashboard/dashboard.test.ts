// The dashboard in a real Chromium against a real Sieve (API, worker and webhook sender on the test store),
// with local webhook receivers: the flows a customer and the operator go through, and axe-core on every page.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../helpers/app.js';
import { checkAccessibility, haveChromium, launchBrowser } from '../../helpers/browser.js';
import { type DashboardServer, startDashboardServer } from '../../helpers/dashboard.js';
import { type HttpReceiver, startHttpReceiver } from '../../helpers/http-receiver.js';

const LONG = 60_000;

describe.skipIf(!haveChromium)('dashboard in Chromium', { timeout: 240_000 }, () => {
  let server: DashboardServer;
  let browser: Browser;
  let receiver: HttpReceiver;

  beforeAll(async () => {
    server = await startDashboardServer({
      env: { WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8', WEBHOOK_RETRY_SCHEDULE: '1s,1s' },
    });
    browser = await launchBrowser();
    receiver = await startHttpReceiver();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true, baseURL: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(LONG);
    return { context, page };
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto('/dashboard/');
    await page.getByLabel('API key or operator token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('signs in with a key, keeps no key in the browser, and signs out', async () => {
    const { api_key } = await server.t.createAccount(100);
    const { context, page } = await newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/dashboard/');
    await checkAccessibility(page, 'sign-in');
    await signIn(page, api_key);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await expect.poll(() => page.getByTestId('credits-remaining').textContent(), { timeout: LONG }).toBe('100');
    await checkAccessibility(page, 'overview');

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'sieve_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const stored = await page.evaluate('JSON.stringify([document.cookie, {...localStorage}, {...sessionStorage}])');
    expect(stored).not.toContain(api_key);
    expect(stored).not.toContain(session?.value);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key or operator token').waitFor();
    // The session is over in the store: the old cookie no longer opens anything.
    const res = await server.t.app.inject({
      method: 'GET',
      url: '/api/v1/account/usage',
      cookies: { sieve_session: session!.value },
    });
    expect(res.statusCode).toBe(401);
    await context.close();
  });

  it('drops a CSV, previews it, starts it, follows it to 100 % and downloads rows with their original columns', async () => {
    const { api_key } = await server.t.createAccount(50);
    const { context, page } = await newPage();
    await signIn(page, api_key);
    await page.getByRole('link', { name: 'New check' }).click();
    await page.getByRole('heading', { name: 'New check' }).waitFor();
    await checkAccessibility(page, 'new check');

    const csv = [
      'name,phone,city',
      'Ann,+33612345678,Paris',
      'Bob,+447911123456,London',
      'Cid,+33612345678,Lyon',
      'Dee,,Nice',
      'Eve,not a number,Rome',
      'Fay,+14155552671,SF',
    ].join('\n');
    // A real drop: a DataTransfer carrying the file, dispatched on the drop zone.
    const transfer = await page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(csv)}], 'contacts.csv', { type: 'text/csv' })); return dt; })()`,
    );
    await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: transfer });

    const counts = page.getByTestId('preview-counts');
    await counts.waitFor();
    await expect.poll(() => page.getByLabel('Column to check').inputValue(), { timeout: LONG }).toBe('1');
    const text = await counts.innerText();
    expect(text).toMatch(/Rows\s+6/);
    expect(text).toMatch(/Duplicates\s+1/);
    expect(text).toMatch(/Empty\s+1/);
    expect(text).toMatch(/Credits needed\s+3/);
    await checkAccessibility(page, 'new check with preview');
    // Nothing is charged by the preview.
    expect((await server.t.api(api_key, 'GET', '/api/v1/account/usage')).json().credits_remaining).toBe(50);

    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.waitForURL(/\/dashboard\/batches\/bat_/);
    const batchId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect.poll(() => page.getByTestId('progress-text').textContent(), { timeout: LONG }).toMatch(/^100 %/);
    await page.getByText('completed', { exact: true }).first().waitFor();

    // The donut's numbers are the batch's.
    const rows = (await server.t.api(api_key, 'GET', `/api/v1/batch/${batchId}/rows`)).json();
    expect(rows.total_rows).toBe(6);
    await expect.poll(() => page.getByTestId('donut-total').textContent(), { timeout: LONG }).toBe('6');
    const legend = page.getByTestId('legend');
    for (const [verdict, n] of Object.entries(rows.counts as Record<string, number>)) {
      if (n > 0) expect(await legend.getByTestId(`count-${verdict}`).textContent()).toBe(String(n));
    }
    expect(rows.counts.duplicate).toBe(1);
    expect(rows.counts.empty).toBe(1);
    await checkAccessibility(page, 'batch');

    // The legend filters the table and the download.
    await legend.getByRole('button', { name: /^duplicate/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'rows' }).first().textContent())
      .toMatch(/^1 rows with status duplicate/);
    const [filtered] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download duplicate/ }).click(),
    ]);
    const filteredLines = (await readFile(await filtered.path(), 'utf8')).trim().split(/\r?\n/);
    expect(filteredLines).toHaveLength(2);
    expect(filteredLines[1]).toMatch(/^Cid,\+33612345678,Lyon,duplicate/);

    await legend.getByRole('button', { name: /^duplicate/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download all rows/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contacts-results.csv');
    const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^name,phone,city,status,/);
    expect(lines).toHaveLength(7);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(csv.split('\n').slice(1));
    await context.close();
  });

  it('says plainly when the balance is short, and starts nothing', async () => {
    const { api_key } = await server.t.createAccount(1);
    const { context, page } = await newPage();
    await signIn(page, api_key);
    await page.goto('/dashboard/new');
    await page.getByLabel(/Or paste numbers/).fill('+33612345678\n+447911123456\n+14155552671');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Not enough credits: this list needs 3 and you have 1/).waitFor();
    expect(await page.getByRole('button', { name: 'Start the check' }).isDisabled()).toBe(true);
    await context.close();
  });

  it('shows a failed delivery, and Retry makes it succeed once the receiver recovers', async () => {
    const { api_key } = await server.t.createAccount(10);
    receiver.fallback({ status: 500, body: 'receiver down' });
    const { context, page } = await newPage();
    await signIn(page, api_key);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('URL', { exact: true }).fill(`${receiver.url}/hooks/retry`);
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    const secret = await page.getByTestId('shown-once').textContent();
    expect(secret).toMatch(/^whsec_/);
    await checkAccessibility(page, 'webhooks');

    const batch = await server.t.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'] });
    expect(batch.statusCode).toBe(202);
    // Filters live in the URL: a reload keeps them.
    await page.getByLabel('Status').selectOption('failed');
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await page.reload();
    expect(await page.getByLabel('Status').inputValue()).toBe('failed');
    const failed = page.locator('[data-testid="delivery"][data-status="failed"]');
    await failed.first().waitFor({ timeout: LONG });
    await failed
      .first()
      .getByText(/^Attempts \(/)
      .click();
    await failed.first().getByRole('cell', { name: '500' }).first().waitFor();

    receiver.fallback({ status: 200 });
    const before = receiver.requests.length;
    await failed.first().getByRole('button', { name: 'Retry' }).click();
    await page.getByLabel('Status').selectOption('succeeded');
    const succeeded = page.locator('[data-testid="delivery"][data-status="succeeded"]');
    await succeeded.first().waitFor({ timeout: LONG });
    expect(receiver.requests.length).toBeGreaterThan(before);
    await succeeded
      .first()
      .getByText(/^Attempts \(/)
      .click();
    await succeeded.first().getByRole('cell', { name: 'manual' }).waitFor();
    await context.close();
  });

  it('creates a lookup-format endpoint with an Authorization header; the receiver gets it, and the attempt is shown', async () => {
    const { api_key } = await server.t.createAccount(10);
    receiver.fallback({ status: 200 });
    const { context, page } = await newPage();
    await signIn(page, api_key);
    await page.goto('/dashboard/webhooks');
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Add an endpoint' }) });
    await form.getByLabel('URL', { exact: true }).fill(`${receiver.url}/hooks/lookup`);
    await form.getByLabel(/Per-lookup callbacks/).check();
    await form.getByText('none: add your own Authorization header below and check it').waitFor();
    await form.getByLabel('batch.completed').uncheck();
    await form.getByLabel('batch.failed').uncheck();
    await form.getByLabel('batch.item.completed').check();
    await form.getByRole('button', { name: 'Add a header' }).click();
    await form.getByLabel('Header name').fill('Authorization');
    await form.getByLabel('Value').fill('Bearer receiver-secret-42');
    await checkAccessibility(page, 'webhooks, adding an endpoint');
    await form.getByRole('button', { name: 'Add the endpoint' }).click();
    const row = page.getByRole('row').filter({ hasText: '/hooks/lookup' });
    await row.getByText('headers: Authorization (values hidden)').waitFor();
    // The lookup format is not signed: no secret to show, and the header's value is not on the page.
    expect(await page.getByTestId('shown-once').count()).toBe(0);
    expect(await page.content()).not.toContain('receiver-secret-42');

    // Send test event: a real delivery made by the server, answered with its attempt.
    const beforeTest = receiver.requests.length;
    await row.getByRole('button', { name: 'Send test event' }).click();
    const result = row.getByTestId('test-result');
    await result.waitFor({ timeout: LONG });
    expect(await result.getAttribute('data-status')).toBe('succeeded');
    expect(await result.textContent()).toContain('HTTP 200');
    const tested = receiver.requests.slice(beforeTest).find((r) => r.url === '/hooks/lookup');
    expect(tested?.headers.authorization).toBe('Bearer receiver-secret-42');
    expect(JSON.parse(tested!.body.toString())).toHaveProperty('contact');

    const before = receiver.requests.length;
    expect((await server.t.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'] })).statusCode).toBe(202);
    const delivered = page.locator('[data-testid="delivery"][data-status="succeeded"]').filter({ hasText: '/hooks/lookup' });
    // The test event is in the list already: wait for the batch's own delivery, at the receiver and on the page.
    await expect.poll(() => receiver.requests.slice(before).some((r) => r.url === '/hooks/lookup'), { timeout: LONG }).toBe(true);
    await expect.poll(() => delivered.count(), { timeout: LONG }).toBeGreaterThanOrEqual(2);
    const got = receiver.requests.slice(before).find((r) => r.url === '/hooks/lookup');
    expect(got?.headers.authorization).toBe('Bearer receiver-secret-42');
    expect(JSON.parse(got!.body.toString())).toHaveProperty('result_v1');
    await delivered
      .first()
      .getByText(/^Attempts \(/)
      .click();
    await delivered.first().getByRole('cell', { name: '200' }).first().waitFor();

    // Edit: the headers are kept unless replaced.
    await row.getByRole('button', { name: 'Edit' }).click();
    const editor = page.locator('form').filter({ has: page.getByRole('heading', { name: /^Edit / }) });
    await editor.getByLabel('Description (optional)').fill('CRM lookups');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('row').filter({ hasText: 'CRM lookups' }).getByText('headers: Authorization (values hidden)').waitFor();
    await context.close();
  });

  it('counts the deliveries "Recover since" will resend before it does', async () => {
    const { api_key } = await server.t.createAccount(10);
    receiver.fallback({ status: 500 });
    const { context, page } = await newPage();
    await signIn(page, api_key);
    await page.goto('/dashboard/webhooks');
    await page.getByLabel('URL', { exact: true }).fill(`${receiver.url}/hooks/recover`);
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    await page.getByTestId('shown-once').waitFor();
    for (const phone of ['+33612345678', '+447911123456']) {
      expect((await server.t.api(api_key, 'POST', '/api/v1/validate-async', { phones: [phone] })).statusCode).toBe(202);
    }
    await page.getByLabel('Status').selectOption('failed');
    await expect.poll(() => page.locator('[data-testid="delivery"][data-status="failed"]').count(), { timeout: LONG }).toBe(2);
    receiver.fallback({ status: 200 });
    await page.getByRole('button', { name: 'Count them' }).click();
    await page.getByText('2 failed deliveries will be sent again, one attempt each.').waitFor();
    await page.getByRole('button', { name: 'Resend 2' }).click();
    await page.getByText('2 sent again.').waitFor();
    await page.getByLabel('Status').selectOption('succeeded');
    await expect.poll(() => page.locator('[data-testid="delivery"][data-status="succeeded"]').count(), { timeout: LONG }).toBe(2);
    await context.close();
  });

  it('creates a key shown once, revokes it (then it gets 401), and the operator grants credits the customer sees', async () => {
    const account = await server.t.createAccount(5, 'Grantee Ltd');
    const { context, page } = await newPage();
    await signIn(page, account.api_key);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name (optional)').fill('import job');
    await page.getByRole('button', { name: 'Create key' }).click();
    const newKey = (await page.getByTestId('shown-once').textContent()) as string;
    expect(newKey).toMatch(/^sv_live_/);
    expect((await server.t.api(newKey, 'GET', '/api/v1/account/usage')).statusCode).toBe(200);
    await checkAccessibility(page, 'api keys');
    // Shown once: after a reload only its prefix is left.
    await page.reload();
    await page.getByRole('heading', { name: 'Your keys' }).waitFor();
    expect(await page.content()).not.toContain(newKey);

    const row = page.getByRole('row').filter({ hasText: 'import job' });
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.getByText(/^revoked/).waitFor();
    const refused = await server.t.api(newKey, 'GET', '/api/v1/account/usage');
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'revoked_api_key']);
    await page.getByRole('button', { name: 'Sign out' }).click();

    // The operator.
    await signIn(page, ADMIN_TOKEN);
    await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
    await checkAccessibility(page, 'operator accounts');
    await page.getByLabel('Search by name or id').fill('grantee');
    await page.getByRole('link', { name: account.account_id }).click();
    await page.getByRole('heading', { name: 'Grantee Ltd' }).waitFor();
    await checkAccessibility(page, 'operator account');
    await page.getByLabel('Credits to grant').fill('250');
    await page.getByRole('button', { name: 'Grant credits' }).click();
    await page.getByText('Granted: the account now has 255 credits.').waitFor();
    await page.getByRole('link', { name: 'System' }).click();
    await page.getByRole('heading', { name: 'Live workers' }).waitFor();
    // The one worker of this server, heard from through its heartbeat row.
    await expect
      .poll(() => page.getByRole('region', { name: 'Live workers' }).locator('.figure').textContent(), { timeout: LONG })
      .toBe('1');
    await checkAccessibility(page, 'operator system');
    // An operator session cannot act as a customer.
    const asCustomer = await page.evaluate("fetch('/api/v1/account/usage').then((r) => r.status)");
    expect(asCustomer).toBe(403);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await signIn(page, account.api_key);
    await expect.poll(() => page.getByTestId('credits-remaining').textContent(), { timeout: LONG }).toBe('255');
    await context.close();
  });
});
