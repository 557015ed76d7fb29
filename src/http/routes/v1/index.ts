// The customer API, under /api/v1, behind an API key: the route files, one plugin each.
import type { RoutePlugin } from '../../route-plugin.js';
import batchResultsCsv from './batch-results-csv.js';
import batchRows from './batch-rows.js';
import cancelBatch from './cancel-batch.js';
import getAccount from './get-account.js';
import getBatch from './get-batch.js';
import getUsage from './get-usage.js';
import keys from './keys.js';
import listBatches from './list-batches.js';
import uploads from './uploads.js';
import validateAsync from './validate-async.js';
import validateBulk from './validate-bulk.js';
import validate from './validate.js';
import webhookDeliveries from './webhook-deliveries.js';
import webhookEndpointActions from './webhook-endpoint-actions.js';
import webhookEndpoints from './webhook-endpoints.js';

export const v1Routes: RoutePlugin[] = [
  getAccount,
  getUsage,
  validate,
  validateBulk,
  validateAsync,
  uploads,
  getBatch,
  batchResultsCsv,
  batchRows,
  listBatches,
  cancelBatch,
  webhookEndpoints,
  webhookEndpointActions,
  webhookDeliveries,
  keys,
];
