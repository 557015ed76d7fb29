// Configuration: read once from the environment, checked, and frozen. A wrong value stops start-up with a
// message that names the variable. The settings themselves, and the shape of `Config`, are declared once in
// src/config/settings.ts.
import { cliSettings, settings } from './config/settings.js';
import { listSettings, parseSettings, type ConfigOf, type Environment } from './config/settings-parse.js';

export { ConfigError } from './config/settings-parse.js';

export type Config = ConfigOf<typeof settings>;
export type EmailSettings = Config['email'];
/** Settings of the webhook sender; DNS questions use the email settings' servers and timeout. */
export type WebhookSettings = Config['webhooks'];
export type CliConfig = ConfigOf<typeof cliSettings>;

/** Every variable the service reads, in declaration order, with where it lands in `Config`. */
export const settingList = listSettings(settings);
/** The variables only the CLI's operator commands read. */
export const cliSettingList = listSettings(cliSettings);

/** Parses the variables Sieve knows from `env`; unknown variables are ignored, empty ones count as unset. */
export function parseConfig(env: Environment = process.env): Config {
  return parseSettings(settings, env);
}

/** The CLI's own settings (where the running Sieve is). */
export function parseCliConfig(env: Environment = process.env): CliConfig {
  return parseSettings(cliSettings, env);
}
