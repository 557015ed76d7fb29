// `sieve keys …`: the account's own API keys, with one of them (SIEVE_API_KEY or --api-key).
import type { Command } from 'commander';
import { unwrap } from '../sdk/client.js';
import { customer } from './batch-commands.js';
import { print } from './cli-common.js';

export function addKeyCommands(program: Command): void {
  const keys = program.command('keys').description("your account's API keys (SIEVE_API_KEY)");
  keys
    .command('list')
    .description('your keys, revoked ones included (prefixes only: a key is shown once, when created)')
    .action(async (_opts: unknown, command: Command) => print(unwrap(await customer(command).client.GET('/api/v1/keys'))));
  keys
    .command('create')
    .description('a new key for your account: printed once, store it now')
    .option('--name <name>', 'a name to recognise the key by')
    .action(async (opts: { name?: string }, command: Command) => {
      const created = unwrap(await customer(command).client.POST('/api/v1/keys', { body: opts.name ? { name: opts.name } : {} }));
      print(created);
      process.stderr.write('This key is shown once: store it now.\n');
    });
  keys
    .command('revoke <key_id>')
    .description('revoke one of your keys: it stops working at once (your last active key cannot be revoked)')
    .action(async (id: string, _opts: unknown, command: Command) =>
      print(unwrap(await customer(command).client.DELETE('/api/v1/keys/{key_id}', { params: { path: { key_id: id } } }))),
    );
}
