// A real headless Chromium for the dashboard's tests: Debian's `chromium` package (which .ci/run installs when
// it is missing), driven by playwright-core; CHROMIUM_PATH names another binary. axe-core checks each page.
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; in CI a missing browser is a failure, not a skip. */
export const haveChromium = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in containers and CI: Chromium's own sandbox needs user namespaces it may not have.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/** Runs axe-core on the page as it is; throws naming every serious or critical violation. */
export async function checkAccessibility(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    throw new Error(`accessibility violations on ${where}:\n${lines.join('\n')}`);
  }
}
