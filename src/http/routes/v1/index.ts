// The customer API, under /api/v1, behind an API key.
import type { Context } from '../../../context.js';
import { apiKeyAuth } from '../../auth.js';
import type { App } from '../../types.js';
import { getAccountRoute } from './get-account.js';
import { validateBulkRoute } from './validate-bulk.js';
import { validateRoute } from './validate.js';

export function v1Routes(app: App, ctx: Context): void {
  app.addHook('onRequest', apiKeyAuth(ctx.db, ctx.keys, ctx.log));
  getAccountRoute(app, ctx);
  validateRoute(app, ctx);
  validateBulkRoute(app, ctx);
}
