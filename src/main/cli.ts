// `sieve`: runs the service (start, serve, worker, migrate) and wraps the operator API for humans.
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, parseCliConfig, parseConfig } from '../config.js';
import { openStore } from '../context.js';
import { StoreLockedError } from '../db/lockfile.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../lib/logger.js';
import { AdminClientError, adminClient } from './admin-client.js';
import { readAdminToken } from './admin-token.js';
import { run } from './run.js';

const integer = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
};

function admin() {
  // ADMIN_TOKEN, or the token an embedded Sieve keeps in its DATA_DIR when it was started without one.
  const token = process.env.ADMIN_TOKEN?.trim() || readAdminToken(process.env.DATA_DIR?.trim() || './data');
  return adminClient({ baseUrl: parseCliConfig().sieveUrl, token });
}

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

const program = new Command('sieve').description('Sieve: phone and email validation service').showHelpAfterError();

program
  .command('start')
  .description('run the API and the worker in one process (the embedded store, or DATABASE_URL)')
  .action(() => run(parseConfig(), { api: true, worker: true }));
program
  .command('serve')
  .description('run the API only (pair with `sieve worker` processes on DATABASE_URL)')
  .action(() => run(parseConfig(), { api: true, worker: false }));
program
  .command('worker')
  .description('run a worker only (as many as you like on DATABASE_URL)')
  .action(() => run(parseConfig(), { api: false, worker: true }));
program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const config = parseConfig();
    const log = createLogger(config.logLevel);
    const db = await openStore(config, log);
    try {
      const applied = await migrate(db);
      log.info({ applied, store: db.kind }, applied.length ? 'migrations applied' : 'already up to date');
    } finally {
      await db.close();
    }
  });

const accounts = program.command('accounts').description('operator: accounts (needs ADMIN_TOKEN and a running Sieve)');
accounts
  .command('create')
  .option('--name <name>', 'a name to recognise the account by')
  .option('--credits <n>', 'opening balance', integer, 0)
  .action(async (opts: { name?: string; credits: number }) =>
    print(await admin()('POST', '/accounts', { ...(opts.name ? { name: opts.name } : {}), credits: opts.credits })),
  );
accounts
  .command('list')
  .option('--limit <n>', 'accounts per page', integer, 50)
  .option('--cursor <account_id>', 'next_cursor of the previous page')
  .action(async (opts: { limit: number; cursor?: string }) =>
    print(
      await admin()('GET', `/accounts?limit=${opts.limit}${opts.cursor ? `&cursor=${encodeURIComponent(opts.cursor)}` : ''}`),
    ),
  );
accounts
  .command('show <account_id>')
  .action(async (id: string) => print(await admin()('GET', `/accounts/${encodeURIComponent(id)}`)));

program
  .command('credits')
  .description('operator: credits')
  .command('grant <account_id> <amount>')
  .option('--reason <text>', 'why (kept in the ledger)')
  .option('--reference <text>', 'an invoice or order number; a grant with the same reference is applied once')
  .action(async (id: string, amount: string, opts: { reason?: string; reference?: string }) =>
    print(await admin()('POST', `/accounts/${encodeURIComponent(id)}/credits`, { amount: integer(amount), ...opts })),
  );

const keys = program.command('keys').description('operator: API keys');
keys
  .command('create <account_id>')
  .option('--name <name>', 'what the key is for')
  .action(async (id: string, opts: { name?: string }) =>
    print(await admin()('POST', `/accounts/${encodeURIComponent(id)}/keys`, opts.name ? { name: opts.name } : {})),
  );
keys.command('revoke <key_id>').action(async (id: string) => print(await admin()('DELETE', `/keys/${encodeURIComponent(id)}`)));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof StoreLockedError || err instanceof AdminClientError) {
    process.stderr.write(`sieve: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`sieve: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
}
