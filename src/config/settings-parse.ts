// Reading a tree of settings from the environment. The tree's shape is the configuration's shape: its type
// (ConfigOf) and its value (parseSettings) both come from it, so no setting is written down twice.
import { Invalid, Setting, type Lookup, type SettingInfo } from './setting.js';

export interface SettingsTree {
  readonly [key: string]: Setting<any> | SettingsTree;
}

/** The configuration a tree of settings gives: same keys, each setting replaced by its value. */
export type ConfigOf<S extends SettingsTree> = {
  readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : S[K] extends SettingsTree ? ConfigOf<S[K]> : never;
};

export type Environment = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export interface ListedSetting {
  /** Where the value lands, e.g. ['email', 'smtpPort']. */
  readonly path: readonly string[];
  readonly setting: Setting<unknown>;
  readonly info: SettingInfo;
}

/** The settings of a tree in declaration order; two settings of one variable are refused. */
export function listSettings(tree: SettingsTree, at: readonly string[] = []): ListedSetting[] {
  const out = Object.entries(tree).flatMap(([key, node]): ListedSetting[] =>
    node instanceof Setting ? [{ path: [...at, key], setting: node, info: node.info }] : listSettings(node, [...at, key]),
  );
  const seen = new Set<string>();
  for (const { info } of out) {
    if (seen.has(info.env)) throw new Error(`${info.env} is declared twice`);
    seen.add(info.env);
  }
  return out;
}

type Outcome = { ok: true; value: unknown } | { ok: false; problem: string | null };

/** A setting read after another one that is wrong: that one's problem is the one worth reporting. */
class DependencyInvalid extends Error {}

const freeze = <T>(value: T): T => {
  if (
    Array.isArray(value) ||
    (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
  ) {
    for (const inner of Object.values(value as object)) freeze(inner);
    Object.freeze(value);
  }
  return value;
};

/**
 * Reads every setting of `tree` from `env` (trimmed; empty counts as unset; unknown variables are ignored)
 * into a frozen object of the tree's shape. Every wrong value is reported at once, each naming its variable;
 * secret values are shown as "(value hidden)".
 */
export function parseSettings<S extends SettingsTree>(tree: S, env: Environment): ConfigOf<S> {
  const outcomes = new Map<Setting<unknown>, Outcome>();
  const reading = new Set<Setting<unknown>>();

  const evaluate = (setting: Setting<unknown>): Outcome => {
    const text = env[setting.env]?.trim() || undefined;
    try {
      return { ok: true, value: freeze(setting.read(text, get)) };
    } catch (err) {
      if (err instanceof DependencyInvalid) return { ok: false, problem: null };
      if (!(err instanceof Invalid)) throw err;
      const { env: name, secret } = setting.info;
      const hidden = '(value hidden)';
      const message = secret && text ? err.message.split(text).join(hidden) : err.message;
      return { ok: false, problem: `${name}=${secret ? hidden : JSON.stringify(text ?? '')}: ${message}` };
    }
  };

  const get: Lookup = <V>(setting: Setting<V>): V => {
    let outcome = outcomes.get(setting);
    if (outcome === undefined) {
      if (reading.has(setting)) throw new Error(`${setting.env}: its default depends on itself`);
      reading.add(setting);
      outcome = evaluate(setting);
      reading.delete(setting);
      outcomes.set(setting, outcome);
    }
    if (!outcome.ok) throw new DependencyInvalid();
    return outcome.value as V;
  };

  const listed = listSettings(tree);
  for (const { setting } of listed) {
    try {
      get(setting);
    } catch (err) {
      if (!(err instanceof DependencyInvalid)) throw err;
    }
  }
  const problems = [...outcomes.values()].flatMap((o) => (!o.ok && o.problem !== null ? [o.problem] : []));
  if (problems.length > 0) throw new ConfigError(problems);

  const build = (node: SettingsTree): object =>
    Object.freeze(
      Object.fromEntries(Object.entries(node).map(([key, child]) => [key, child instanceof Setting ? get(child) : build(child)])),
    );
  return build(tree) as ConfigOf<S>;
}
