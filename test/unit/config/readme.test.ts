// Every setting Sieve reads and every error code it answers with is documented in the README, and the README
// shows the two set-up commands.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliSettingList, settingList } from '../../../src/config.js';
import { ERROR_STATUS } from '../../../src/http/errors.js';

const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every setting', () => {
    for (const { info } of [...settingList, ...cliSettingList]) expect(readme, info.env).toContain(`| \`${info.env}\` |`);
  });
  it('lists every error code under its status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${status} |`));
      expect(row, `README's errors table has no row for ${status}`).toBeDefined();
      expect(row, code).toContain(`\`${code}\``);
    }
  });
  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
