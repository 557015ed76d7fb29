// `sieve`: runs the service (start, serve, worker, migrate), and is the command-line client of a running Sieve
// for its users (validate, batches, keys) and its operator (admin). The client commands load none of the
// server's modules, so they start quickly.
import { Command } from 'commander';
import { addAdminCommands } from '../cli/admin-commands.js';
import { addBatchCommands } from '../cli/batch-commands.js';
import { describeFailure, UsageError } from '../cli/cli-common.js';
import { addKeyCommands } from '../cli/key-commands.js';
import { addValidateCommand } from '../cli/validate-command.js';
import { ConfigError, parseCliConfig, parseConfig } from '../config.js';

const program = new Command('sieve')
  .description('Sieve: phone and email validation service')
  .option('--url <url>', 'where Sieve answers (default SIEVE_URL, else http://127.0.0.1:$PORT)')
  .option('--api-key <key>', 'your API key (default SIEVE_API_KEY)')
  .showHelpAfterError()
  .exitOverride();

const service = async (role: { api: boolean; worker: boolean }) => {
  const { run } = await import('./run.js');
  await run(parseConfig(), role);
};

program
  .command('start')
  .description('run the API and the worker in one process (the embedded store, or DATABASE_URL)')
  .action(() => service({ api: true, worker: true }));
program
  .command('serve')
  .description('run the API only (pair with `sieve worker` processes on DATABASE_URL)')
  .action(() => service({ api: true, worker: false }));
program
  .command('worker')
  .description('run a worker only (as many as you like on DATABASE_URL)')
  .action(() => service({ api: false, worker: true }));
program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const { migrateOnce } = await import('./run.js');
    await migrateOnce(parseConfig());
  });

addValidateCommand(program);
addBatchCommands(program);
addKeyCommands(program);
addAdminCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const code = (err as { code?: string }).code;
  // Commander has printed its own message (unknown option, missing argument) or the help.
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(0);
  if (typeof code === 'string' && code.startsWith('commander.')) process.exit(2);
  const { StoreLockedError } = await import('../db/lockfile.js');
  if (err instanceof ConfigError || err instanceof StoreLockedError || err instanceof UsageError) {
    process.stderr.write(`sieve: ${err.message}\n`);
    process.exit(2);
  }
  const failure = describeFailure(
    err,
    (() => {
      try {
        return (program.opts() as { url?: string }).url ?? parseCliConfig().sieveUrl;
      } catch {
        return undefined;
      }
    })(),
  );
  process.stderr.write(`sieve: ${failure.message}\n`);
  process.exit(failure.code);
}
