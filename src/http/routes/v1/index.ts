// The customer API, under /api/v1, behind an API key.
import type { Context } from '../../../context.js';
import { apiKeyAuth } from '../../auth.js';
import type { App } from '../../types.js';
import { batchResultsCsvRoute } from './batch-results-csv.js';
import { cancelBatchRoute } from './cancel-batch.js';
import { getAccountRoute } from './get-account.js';
import { getBatchRoute } from './get-batch.js';
import { getUsageRoute } from './get-usage.js';
import { listBatchesRoute } from './list-batches.js';
import { validateAsyncRoute } from './validate-async.js';
import { validateBulkRoute } from './validate-bulk.js';
import { validateRoute } from './validate.js';
import { webhookDeliveryRoutes } from './webhook-deliveries.js';
import { webhookEndpointActionRoutes } from './webhook-endpoint-actions.js';
import { webhookEndpointRoutes } from './webhook-endpoints.js';

export function v1Routes(app: App, ctx: Context): void {
  const ttlDays = ctx.config.batches.resultsTtlDays;
  app.addHook('onRequest', apiKeyAuth(ctx.db, ctx.keys, ctx.log));
  getAccountRoute(app, ctx);
  getUsageRoute(app, ctx);
  validateRoute(app, ctx);
  validateBulkRoute(app, ctx);
  validateAsyncRoute(app, ctx);
  getBatchRoute(app, ctx, ttlDays);
  batchResultsCsvRoute(app, ctx);
  listBatchesRoute(app, ctx, ttlDays);
  cancelBatchRoute(app, ctx, ttlDays);
  webhookEndpointRoutes(app, ctx);
  webhookEndpointActionRoutes(app, ctx);
  webhookDeliveryRoutes(app, ctx);
}
