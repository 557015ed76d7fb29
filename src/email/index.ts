// The email validation engine: what the HTTP layer and the batch worker use.
import type { Config } from '../config.js';
import type { EmailConfig } from './email-validator.js';

export { createEmailValidator } from './email-validator.js';
export type { EmailCheckOptions, EmailConfig, EmailLog, EmailValidator } from './email-validator.js';
export {
  EMAIL_CONFIDENCES,
  EMAIL_REASONS,
  EMAIL_STATUSES,
  EmailResultSchema,
  REASON_STATUS,
  type EmailConfidence,
  type EmailReason,
  type EmailResult,
  type EmailStatus,
} from './email-schema.js';
export { createEmailCache, type EmailCache } from './email-cache.js';

/** The email section of the configuration (DNS_*, SMTP_*, EMAIL_CACHE_TTL_SECONDS). */
export function emailConfigFrom(config: Config): EmailConfig {
  return config.email;
}
