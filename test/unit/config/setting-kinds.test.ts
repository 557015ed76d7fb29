// The mechanism, on small trees declared here: kinds, bounds, defaults (given, unset, derived), secrets,
// and the configuration's type derived from the tree.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bool, commaList, int, oneOf, parsed, text, type Setting } from '../../../src/config/setting.js';
import {
  ConfigError,
  listSettings,
  parseSettings,
  type ConfigOf,
  type SettingsTree,
} from '../../../src/config/settings-parse.js';

function problems(tree: SettingsTree, env: Record<string, string>): string[] {
  try {
    parseSettings(tree, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a configuration error');
}

const base = int({ env: 'BASE_PORT', default: 7000, min: 1, max: 9000, description: 'a port' });
const tree = {
  port: base,
  nested: {
    deeper: {
      level: oneOf({ env: 'LEVEL', values: ['low', 'high'], default: 'low', description: 'how much' }),
      on: bool({ env: 'ON', default: false, description: 'switch' }),
    },
    list: text({ env: 'NAMES', description: 'names' }).map(commaList),
    token: text({ env: 'TOKEN', secret: true, minLength: 8, description: 'a secret' }),
  },
  derived: int({ env: 'OTHER_PORT', max: 65535, description: 'another port' }).orDerive(
    '`BASE_PORT` + 1',
    (get) => get(base) + 1,
  ),
  optional: int({ env: 'MAYBE', description: 'a number or nothing' }),
};

describe('settings', () => {
  it('derives the configuration type from the tree', () => {
    type C = ConfigOf<typeof tree>;
    expectTypeOf<C>().toEqualTypeOf<{
      readonly port: number;
      readonly nested: {
        readonly deeper: { readonly level: 'low' | 'high'; readonly on: boolean };
        readonly list: readonly string[];
        readonly token: string | undefined;
      };
      readonly derived: number;
      readonly optional: number | undefined;
    }>();
    expectTypeOf(parseSettings(tree, {})).toEqualTypeOf<C>();
  });

  it('reads defaults and given values into the tree, frozen', () => {
    const c = parseSettings(tree, {});
    expect(c).toEqual({
      port: 7000,
      nested: { deeper: { level: 'low', on: false }, list: [], token: undefined },
      derived: 7001,
      optional: undefined,
    });
    expect(Object.isFrozen(c.nested.deeper)).toBe(true);
    expect(Object.isFrozen(c.nested.list)).toBe(true);
    const given = parseSettings(tree, {
      BASE_PORT: ' 8000 ',
      LEVEL: 'high',
      ON: 'TRUE',
      NAMES: 'a, b,,c',
      MAYBE: '0',
      UNKNOWN: 'x',
    });
    expect(given).toEqual({
      port: 8000,
      nested: { deeper: { level: 'high', on: true }, list: ['a', 'b', 'c'], token: undefined },
      derived: 8001,
      optional: 0,
    });
  });

  it('counts empty and blank values as unset', () => {
    expect(parseSettings(tree, { BASE_PORT: '', OTHER_PORT: '   ', ON: '' })).toMatchObject({ port: 7000, derived: 7001 });
  });

  it('derives a default from other settings only when unset', () => {
    expect(parseSettings(tree, { BASE_PORT: '100' }).derived).toBe(101);
    expect(parseSettings(tree, { BASE_PORT: '100', OTHER_PORT: '5' }).derived).toBe(5);
    // When the setting it is derived from is wrong, that one is reported, not the derived one.
    expect(problems(tree, { BASE_PORT: 'x' })).toEqual(['BASE_PORT="x": must be a whole number from 1 to 9000']);
  });

  it('enforces bounds and kinds, naming each variable', () => {
    expect(problems(tree, { BASE_PORT: '0', LEVEL: 'medium', ON: 'maybe', MAYBE: '-1', OTHER_PORT: '65536' })).toEqual([
      'BASE_PORT="0": must be a whole number from 1 to 9000',
      'LEVEL="medium": must be one of low, high',
      'ON="maybe": must be true or false',
      'OTHER_PORT="65536": must be a whole number from 0 to 65535',
      'MAYBE="-1": must be a whole number of at least 0',
    ]);
    expect(problems(tree, { BASE_PORT: '9001' })).toEqual(['BASE_PORT="9001": must be a whole number from 1 to 9000']);
    for (const wrong of ['1.5', '1e3', '0x10', '99999999999999999999', 'eight']) {
      expect(problems(tree, { MAYBE: wrong }), wrong).toEqual([
        `MAYBE=${JSON.stringify(wrong)}: must be a whole number of at least 0`,
      ]);
    }
    expect(parseSettings(tree, { BASE_PORT: '9000' }).port).toBe(9000);
  });

  it('never shows a secret value, even when a check repeats it', () => {
    const echoing = {
      key: text({ env: 'KEY', secret: true, check: (v) => `"${v}" is not a key`, description: 'echoes' }),
      parsedKey: parsed({
        env: 'PARSED_KEY',
        secret: true,
        parse: (v) => {
          throw new Error(`bad ${v}!`);
        },
        description: 'throws',
      }),
      plain: text({ env: 'PLAIN', check: (v) => `"${v}" is wrong`, description: 'echoes, not secret' }),
    };
    const found = problems(echoing, { KEY: 'hunter2-key', PARSED_KEY: 'hunter3-key', PLAIN: 'visible' });
    expect(found).toEqual([
      'KEY=(value hidden): "(value hidden)" is not a key',
      'PARSED_KEY=(value hidden): bad (value hidden)!',
      'PLAIN="visible": "visible" is wrong',
    ]);
    expect(problems(tree, { TOKEN: 'short' })).toEqual(['TOKEN=(value hidden): must be at least 8 characters long']);
  });

  it('refuses a default its own checks refuse, at declaration', () => {
    expect(() => int({ env: 'BAD_DEFAULT', default: 0, min: 1, description: 'x' })).toThrow(
      /BAD_DEFAULT: its default "0" must be a whole number/,
    );
    expect(() => oneOf({ env: 'BAD_LEVEL', values: ['a'], default: 'b' as 'a', description: 'x' })).toThrow(/BAD_LEVEL/);
    expect(() => text({ env: 'lower', description: 'x' })).toThrow(/not an environment variable name/);
    expect(() => text({ env: 'TWO_LINES', description: 'a\nb' })).toThrow(/one line/);
  });

  it('refuses a variable declared twice and a default derived from itself', () => {
    const twice = { a: text({ env: 'SAME', description: 'x' }), b: { c: text({ env: 'SAME', description: 'y' }) } };
    expect(() => listSettings(twice)).toThrow(/SAME is declared twice/);
    const looping: { loop: Setting<number> } = {
      loop: int({ env: 'LOOP', description: 'x' }).orDerive('itself', (get): number => get(looping.loop)),
    };
    expect(() => parseSettings(looping, {})).toThrow(/LOOP: its default depends on itself/);
  });

  it('lists settings with the path where each value lands', () => {
    expect(listSettings(tree).map((s) => `${s.path.join('.')}=${s.info.env}`)).toEqual([
      'port=BASE_PORT',
      'nested.deeper.level=LEVEL',
      'nested.deeper.on=ON',
      'nested.list=NAMES',
      'nested.token=TOKEN',
      'derived=OTHER_PORT',
      'optional=MAYBE',
    ]);
    expect(listSettings(tree).map((s) => s.info.shownDefault)).toEqual([
      '`7000`',
      '`low`',
      '`false`',
      'unset',
      'unset',
      '`BASE_PORT` + 1',
      'unset',
    ]);
  });
});
