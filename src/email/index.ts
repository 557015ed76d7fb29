// The email validation engine: what the HTTP layer and the batch worker use.
export { createEmailValidator, type EmailValidator } from './email-validator.js';
export { EmailResultSchema, type EmailResult } from './email-schema.js';
export { createEmailCache } from './email-cache.js';
export { createDbHostLeases, createRedisHostLeases, type HostLeases } from './host-leases.js';
