// `batch`: a batch's own webhook_url as the phone batch API and the email bulk and batch API call it. The body
// is the batch as GET /api/v1/batch/{id} shows it once ended (built when sent), with the batch APIs' headers
// (`X-PhoneValidation-*` or `X-EmailValidation-*`, their User-Agent) beside the standard ones. Any 2xx
// succeeds; anything else is retried after 2 s, 4 s and 8 s.
import { batchBody } from '../../batches/batch-body.js';
import { classifyAny2xx, type WebhookFormat } from '../webhook-format.js';
import { STANDARD_HEADERS, standardSignature } from './standard.js';

export const batch: WebhookFormat = {
  name: 'batch',
  summary: "the batch's status and results, as the phone batch API and the email bulk and batch API call back",
  schedule: { endpoint: [2, 4, 8], request: [2, 4, 8] },
  timeoutSeconds: 15,
  needsHttps: false,
  eventTypes: ['batch.completed', 'batch.failed'],
  ownHeaders: () => [
    ...STANDARD_HEADERS,
    'x-phonevalidation-batch-id',
    'x-phonevalidation-event',
    'x-phonevalidation-signature',
    'x-emailvalidation-batch-id',
    'x-emailvalidation-event',
    'x-emailvalidation-signature',
  ],
  defaultHeaders: {},
  closeConnection: false,
  body: (event) =>
    event.type === 'batch.completed' || event.type === 'batch.failed' ? { kind: 'from_batch' } : { kind: 'skip' },
  bodyFromBatch: (db, row, ttlDays) => batchBody(db, row, ttlDays, { webhook_sent_at: null, webhook_status_code: null }),
  async sign(body, input) {
    const { headers, contentLength, bodySignature } = await standardSignature(body, input);
    const row = input.batch;
    if (row) {
      const prefix = row.kind === 'phone' ? 'X-PhoneValidation' : 'X-EmailValidation';
      headers['user-agent'] = row.kind === 'phone' ? 'PhoneValidationAPI-Webhook/1.0' : 'EmailValidationAPI-Webhook/1.0';
      headers[`${prefix}-Batch-Id`] = row.id;
      headers[`${prefix}-Event`] = input.eventType;
      if (bodySignature) headers[`${prefix}-Signature`] = bodySignature;
    }
    return { headers, contentLength };
  },
  classify: classifyAny2xx,
};
