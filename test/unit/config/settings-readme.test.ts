// The README's settings section is what the declarations write; CI fails when someone forgets `npm run docs`.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliSettingList, settingList } from '../../../src/config.js';
import {
  currentSection,
  END,
  FIX,
  settingsSection,
  settingsTable,
  START,
  withSection,
} from '../../../src/config/settings-readme.js';

const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const generated = settingsSection(
  settingList.map((s) => s.info),
  cliSettingList.map((s) => s.info),
);

describe('README settings section', () => {
  it('is what the declarations generate', () => {
    expect(currentSection(readme), `README.md's settings section is out of date: run \`${FIX}\``).toBe(generated);
  });

  it('is rewritten in place, the rest of the file kept', () => {
    const doc = `# Title\n\nintro\n${START}\n| old | table |\n${END}\n\n## Next\n`;
    const rewritten = withSection(doc, 'new');
    expect(rewritten).toBe(`# Title\n\nintro\n${START}\n\nnew\n\n${END}\n\n## Next\n`);
    expect(currentSection(rewritten)).toBe('new');
    expect(withSection(rewritten, 'new')).toBe(rewritten);
    expect(() => currentSection('# no markers')).toThrow(/settings:start/);
    expect(() => currentSection(`${END}\n${START}`)).toThrow(/settings:start/);
  });

  it('escapes what would break a table row', () => {
    const row = settingsTable([{ env: 'X', description: 'a | b', shownDefault: '`|`', secret: false, defaultText: '|' }]).split(
      '\n',
    )[2];
    expect(row).toBe('| `X` | `\\|` | a \\| b |');
  });
});
