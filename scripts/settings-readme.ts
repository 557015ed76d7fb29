// `npm run docs`: rewrites the settings section of README.md from the declarations in src/config/settings.ts.
import fs from 'node:fs';
import { cliSettingList, settingList } from '../src/config.js';
import { settingsSection, withSection } from '../src/config/settings-readme.js';

const file = new URL('../README.md', import.meta.url);
const before = fs.readFileSync(file, 'utf8');
const section = settingsSection(
  settingList.map((s) => s.info),
  cliSettingList.map((s) => s.info),
);
const after = withSection(before, section);
if (after === before) {
  process.stdout.write('README.md: the settings section is up to date\n');
} else {
  fs.writeFileSync(file, after);
  process.stdout.write(
    `README.md: the settings section was rewritten (${settingList.length + cliSettingList.length} variables)\n`,
  );
}
