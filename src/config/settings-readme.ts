// The README's settings section, written from the declarations (`npm run docs`); a test fails when it drifts.
import type { SettingInfo } from './setting.js';

export const START = '<!-- settings:start -->';
export const END = '<!-- settings:end -->';
export const FIX = 'npm run docs';

const cell = (markdown: string) => markdown.replace(/\|/g, '\\|');

export function settingsTable(settings: readonly SettingInfo[]): string {
  const rows = settings.map((s) => `| \`${s.env}\` | ${cell(s.shownDefault)} | ${cell(s.description)} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** What goes between the markers. */
export function settingsSection(service: readonly SettingInfo[], cli: readonly SettingInfo[]): string {
  return [
    `<!-- Written by \`${FIX}\` from src/config/settings.ts: change the declarations there, not these tables. -->`,
    '',
    settingsTable(service),
    '',
    "The CLI's operator commands also read:",
    '',
    settingsTable(cli),
  ].join('\n');
}

const bounds = (readme: string) => {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  return { from: start + START.length, to: end };
};

/** The README's section as it stands (without the markers and the blank lines next to them). */
export function currentSection(readme: string): string {
  const { from, to } = bounds(readme);
  return readme.slice(from, to).trim();
}

export function withSection(readme: string, section: string): string {
  const { from, to } = bounds(readme);
  return `${readme.slice(0, from)}\n\n${section}\n\n${readme.slice(to)}`;
}
