// The operator API, under /admin/v1, behind ADMIN_TOKEN (off when it is not set): the route files.
import type { RoutePlugin } from '../../route-plugin.js';
import createAccount from './create-account.js';
import createKey from './create-key.js';
import getAccount from './get-account.js';
import grantCredits from './grant-credits.js';
import listAccounts from './list-accounts.js';
import revokeKey from './revoke-key.js';
import system from './system.js';

export const adminRoutes: RoutePlugin[] = [createAccount, listAccounts, getAccount, grantCredits, createKey, revokeKey, system];
