// The operator API, under /admin/v1, behind ADMIN_TOKEN (off when it is not set).
import type { Context } from '../../../context.js';
import { adminAuth } from '../../auth.js';
import type { App } from '../../types.js';
import { createAccountRoute } from './create-account.js';
import { createKeyRoute } from './create-key.js';
import { getAccountRoute } from './get-account.js';
import { grantCreditsRoute } from './grant-credits.js';
import { listAccountsRoute } from './list-accounts.js';
import { revokeKeyRoute } from './revoke-key.js';

export function adminRoutes(app: App, ctx: Context): void {
  app.addHook('onRequest', adminAuth(ctx.config.adminToken));
  createAccountRoute(app, ctx);
  listAccountsRoute(app, ctx);
  getAccountRoute(app, ctx);
  grantCreditsRoute(app, ctx);
  createKeyRoute(app, ctx);
  revokeKeyRoute(app, ctx);
}
