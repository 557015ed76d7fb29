// Every setting Sieve reads is documented in the README, and the README shows the two set-up commands.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config.js';

const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every setting', () => {
    for (const name of Object.keys(EnvSchema.properties)) expect(readme, name).toContain(`| \`${name}\` |`);
  });
  it('shows the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
