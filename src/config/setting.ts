// One setting: the environment variable, how its text becomes a value, its default, its line in the README
// and whether its value is secret. The kinds below (int, bool, oneOf, text, parsed) build them; `map` adds a
// transform and `orDerive` a default computed from other settings.

/** What is wrong with a value, in words that follow "NAME=value: " (e.g. "must be at most 65535"). */
export class Invalid extends Error {
  override readonly name = 'Invalid';
}

export const invalid = (message: string): never => {
  throw new Invalid(message);
};

/** The value of another setting, for derived defaults. */
export type Lookup = <V>(setting: Setting<V>) => V;

export interface SettingInfo {
  readonly env: string;
  /** One line, markdown allowed: the README's "meaning" column. */
  readonly description: string;
  /** Never echoed back, not even in a configuration error. */
  readonly secret: boolean;
  /** The README's "default" column (markdown). */
  readonly shownDefault: string;
  /** The default as text, read exactly like a value given; undefined when unset or derived. */
  readonly defaultText: string | undefined;
}

export class Setting<T> {
  constructor(
    readonly info: SettingInfo,
    /** Text given (trimmed, non-empty) or undefined when unset → value; throws Invalid. */
    readonly read: (text: string | undefined, get: Lookup) => T,
  ) {}

  get env(): string {
    return this.info.env;
  }

  /** The same setting with its value transformed (the transform gets valid values only). */
  map<U>(transform: (value: T) => U): Setting<U> {
    return new Setting(this.info, (text, get) => transform(this.read(text, get)));
  }

  /** When unset, the value is computed from other settings; `shown` is the README's default column. */
  orDerive<U>(shown: string, derive: (get: Lookup) => U): Setting<Exclude<T, undefined> | U> {
    return new Setting({ ...this.info, shownDefault: shown, defaultText: undefined }, (text, get) => {
      const value = this.read(text, get);
      return value === undefined ? derive(get) : (value as Exclude<T, undefined>);
    });
  }
}

interface Base {
  env: string;
  description: string;
  secret?: boolean;
  /** The README's default column, when the default alone does not say it. */
  shownDefault?: string;
}

/** T when a default is declared, T | undefined when it is not. */
type Defaulted<T, D> = undefined extends D ? T | undefined : T;

/** A setting whose text `parse` turns into a value (throwing Invalid, or any Error, with what is wrong). */
export function parsed<T, D extends string | undefined = undefined>(
  options: Base & { parse: (text: string) => T; default?: D },
): Setting<Defaulted<T, D>> {
  const { env, description, parse } = options;
  if (!/^[A-Z][A-Z0-9_]*$/.test(env)) throw new Error(`setting ${env}: not an environment variable name`);
  if (/[\r\n]/.test(description)) throw new Error(`setting ${env}: the description must be one line`);
  const read = (text: string): T => {
    try {
      return parse(text);
    } catch (err) {
      throw err instanceof Invalid ? err : new Invalid((err as Error).message);
    }
  };
  const defaultText = options.default;
  if (defaultText !== undefined) {
    try {
      read(defaultText);
    } catch (err) {
      throw new Error(`setting ${env}: its default ${JSON.stringify(defaultText)} ${(err as Error).message}`, { cause: err });
    }
  }
  const info: SettingInfo = {
    env,
    description,
    secret: options.secret ?? false,
    shownDefault: options.shownDefault ?? (defaultText === undefined ? 'unset' : `\`${defaultText}\``),
    defaultText,
  };
  return new Setting(info, (text) => {
    const given = text ?? defaultText;
    return (given === undefined ? undefined : read(given)) as Defaulted<T, D>;
  });
}

type Kind<D, Extra = object> = Base & Extra & { default?: D };
const asText = <D>(value: D) => (value === undefined ? undefined : String(value));

/** A whole number between `min` (0 unless said) and `max`. */
export function int<D extends number | undefined = undefined>(options: Kind<D, { min?: number; max?: number }>) {
  const { min = 0, max } = options;
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  return parsed({
    ...options,
    default: asText(options.default),
    parse: (text) => {
      const value = Number(text);
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) {
        invalid(`must be a whole number ${range}`);
      }
      return value;
    },
  }) as Setting<Defaulted<number, D>>;
}

/** true/false (also 1/0, yes/no, on/off, any case). */
export function bool<D extends boolean | undefined = undefined>(options: Kind<D>) {
  const words: Record<string, boolean> = {
    true: true,
    false: false,
    1: true,
    0: false,
    yes: true,
    no: false,
    on: true,
    off: false,
  };
  return parsed({
    ...options,
    default: asText(options.default),
    parse: (text) => words[text.toLowerCase()] ?? invalid('must be true or false'),
  }) as Setting<Defaulted<boolean, D>>;
}

/** One of a fixed list of words. */
export function oneOf<const V extends string, D extends V | undefined = undefined>(options: Kind<D, { values: readonly V[] }>) {
  const { values } = options;
  return parsed({
    ...options,
    parse: (text) => values.find((v) => v === text) ?? invalid(`must be one of ${values.join(', ')}`),
  }) as Setting<Defaulted<V, D>>;
}

/** Text, at least `minLength` characters, passing `check` (which names the problem, or gives null). */
export function text<D extends string | undefined = undefined>(
  options: Kind<D, { minLength?: number; check?: (text: string) => string | null }>,
) {
  const { minLength = 1, check } = options;
  return parsed({
    ...options,
    parse: (value) => {
      if (value.length < minLength) invalid(`must be at least ${minLength} characters long`);
      const problem = check?.(value) ?? null;
      return problem === null ? value : invalid(problem);
    },
  }) as Setting<Defaulted<string, D>>;
}

/** A check for `text`: the value matches `pattern`, else `message`. */
export const matches = (pattern: RegExp, message: string) => (value: string) => (pattern.test(value) ? null : message);

/** A check for `text`: an absolute URL of one of `schemes` (e.g. 'postgres', 'postgresql'). */
export const urlOf =
  (...schemes: string[]) =>
  (value: string): string | null => {
    const wanted = `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`;
    if (!URL.canParse(value)) return wanted;
    return schemes.includes(new URL(value).protocol.slice(0, -1)) ? null : wanted;
  };

/** A transform: a comma-separated setting as a list, blanks dropped (unset: empty). */
export const commaList = (value: string | undefined): readonly string[] =>
  (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
