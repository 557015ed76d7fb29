// `sieve admin …`: the operator's commands, over the operator API of a running Sieve (so they work the same
// on both stores). The token is ADMIN_TOKEN, or the one an embedded Sieve keeps in DATA_DIR/admin-token.
import type { Command } from 'commander';
import { parseCliConfig } from '../config.js';
import { readAdminToken } from './admin-token.js';
import { unwrap } from '../sdk/client.js';
import { clientFor, globalsOf, print, UsageError, wholeNumber } from './cli-common.js';

function operator(command: Command) {
  const url = globalsOf(command).url ?? parseCliConfig().sieveUrl;
  const token = process.env.ADMIN_TOKEN?.trim() || readAdminToken(process.env.DATA_DIR?.trim() || './data');
  if (!token) {
    throw new UsageError(
      'Set ADMIN_TOKEN to the token the server was started with (an embedded Sieve started without one keeps it in DATA_DIR/admin-token).',
    );
  }
  return clientFor({ url, token });
}

export function addAdminCommands(program: Command): void {
  const admin = program.command('admin').description('operator commands (ADMIN_TOKEN, and a running Sieve at SIEVE_URL)');

  const accounts = admin.command('accounts').description('accounts');
  accounts
    .command('create')
    .description('a new account with its first API key (shown once)')
    .option('--name <name>', 'a name to recognise the account by')
    .option('--credits <n>', 'opening balance', wholeNumber, 0)
    .action(async (opts: { name?: string; credits: number }, command: Command) =>
      print(
        unwrap(
          await operator(command).POST('/admin/v1/accounts', {
            body: { ...(opts.name ? { name: opts.name } : {}), credits: opts.credits },
          }),
        ),
      ),
    );
  accounts
    .command('list')
    .description('accounts, oldest first')
    .option('--limit <n>', 'accounts per page', wholeNumber, 50)
    .option('--cursor <account_id>', 'next_cursor of the previous page')
    .action(async (opts: { limit: number; cursor?: string }, command: Command) =>
      print(
        unwrap(
          await operator(command).GET('/admin/v1/accounts', {
            params: { query: { limit: opts.limit, ...(opts.cursor ? { cursor: opts.cursor } : {}) } },
          }),
        ),
      ),
    );
  accounts
    .command('show <account_id>')
    .description('one account with its keys (never the keys themselves)')
    .action(async (id: string, _opts: unknown, command: Command) =>
      print(unwrap(await operator(command).GET('/admin/v1/accounts/{account_id}', { params: { path: { account_id: id } } }))),
    );

  admin
    .command('credits')
    .description('credits')
    .command('grant <account_id> <amount>')
    .description('adds credits; a grant with a given reference is applied once')
    .option('--reason <text>', 'why (kept in the ledger)')
    .option('--reference <text>', 'an invoice or order number; a grant with the same reference is applied once')
    .action(async (id: string, amount: string, opts: { reason?: string; reference?: string }, command: Command) =>
      print(
        unwrap(
          await operator(command).POST('/admin/v1/accounts/{account_id}/credits', {
            params: { path: { account_id: id } },
            body: { amount: wholeNumber(amount), ...opts },
          }),
        ),
      ),
    );

  const keys = admin.command('keys').description("any account's API keys");
  keys
    .command('create <account_id>')
    .description('another API key for an account (shown once)')
    .option('--name <name>', 'what the key is for')
    .action(async (id: string, opts: { name?: string }, command: Command) =>
      print(
        unwrap(
          await operator(command).POST('/admin/v1/accounts/{account_id}/keys', {
            params: { path: { account_id: id } },
            body: opts.name ? { name: opts.name } : {},
          }),
        ),
      ),
    );
  keys
    .command('revoke <key_id>')
    .description('revoke a key: it stops working at once')
    .action(async (id: string, _opts: unknown, command: Command) =>
      print(unwrap(await operator(command).DELETE('/admin/v1/keys/{key_id}', { params: { path: { key_id: id } } }))),
    );
}
