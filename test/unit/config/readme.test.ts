// Every setting Sieve reads is documented in the README, and the README shows the two set-up commands.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliSettingList, settingList } from '../../../src/config.js';

const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every setting', () => {
    for (const { info } of [...settingList, ...cliSettingList]) expect(readme, info.env).toContain(`| \`${info.env}\` |`);
  });
  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
