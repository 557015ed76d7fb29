// SMTP through real local SOCKS5 proxies (@mongodb-js/socksv5): with and without a password the verdicts are
// those of direct probing; a dead proxy passes the attempt to the next one of the pool; a wrong password is
// a clear error in the log, and no password is ever written there. The proxies are not in SMTP_ALLOWED_CIDRS:
// naming them in SMTP_PROXY is what allows them, and a mail server at a proxy's address is still refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { createEmailValidator } from '../../../src/email/index.js';
import { createLogger } from '../../../src/lib/logger.js';
import { CHECK, mxHost, startEmailWorldWithStore, type EmailWorldWithStore } from '../../helpers/email-world.js';
import { freePort } from '../../helpers/net.js';
import { startSocksServer, type TestSocksServer } from '../../helpers/socks-server.js';

const MAIL = '127.0.0.61';
const OPEN_PROXY = '127.0.0.62';
const AUTH_PROXY = '127.0.0.63';
const DEAD_PROXY = '127.0.0.64';
const ROUTED = '127.0.0.65';
const PASSWORD = 'hunter2-Secret!';

const ADDRESSES = ['alice@proxied.test', 'nobody@proxied.test', 'full@proxied.test', 'anyone@open.test'];

let world: EmailWorldWithStore;
let open: TestSocksServer;
let authed: TestSocksServer;
let deadUrl: string;

beforeAll(async () => {
  world = await startEmailWorldWithStore(
    {
      ...mxHost('proxied.test', MAIL),
      'open.test': { MX: [{ exchange: 'mx.proxied.test', priority: 10 }] },
      ...mxHost('routed.test', ROUTED),
      ...mxHost('atproxy.test', OPEN_PROXY),
    },
    {
      [MAIL]: {
        mailboxes: ['alice@proxied.test'],
        rcpt: (address) => {
          if (address.endsWith('@open.test')) return 'accept';
          if (address === 'full@proxied.test') return { code: 552, message: '5.2.2 Mailbox full' };
          return undefined;
        },
      },
      [ROUTED]: { mailboxes: ['carol@routed.test'] },
    },
  );
  open = await startSocksServer({ host: OPEN_PROXY });
  authed = await startSocksServer({ host: AUTH_PROXY, user: 'sieve', password: PASSWORD });
  deadUrl = `socks5://${DEAD_PROXY}:${await freePort(DEAD_PROXY)}`;
});

afterAll(async () => {
  await open?.close();
  await authed?.close();
  await world?.close();
});

/** A validator on the world whose log is kept; only the mail server's address is allowed. */
function validatorWith(env: Record<string, string>) {
  const lines: string[] = [];
  const log = createLogger('debug', { write: (line: string) => void lines.push(line) });
  const config = parseConfig({ ...world.env, SMTP_ALLOWED_CIDRS: `${MAIL}/32,${ROUTED}/32`, DNS_TIMEOUT_MS: '1000', ...env });
  return { validator: createEmailValidator({ config: config.email, db: world.store.db, log }), log: () => lines.join('') };
}

const verdicts = (results: { email: string; status: string; reason: string; catch_all: boolean | null }[]) =>
  results.map((r) => ({ email: r.email, status: r.status, reason: r.reason, catch_all: r.catch_all }));

async function direct() {
  const { validator } = validatorWith({});
  return verdicts((await validator.validateMany(ADDRESSES, CHECK)).results);
}

describe('SMTP through a SOCKS5 proxy', () => {
  it('without authentication: the same verdicts as direct probing, every connection through the proxy', async () => {
    const expected = await direct();
    expect(expected.map((v) => v.reason)).toEqual(['ok', 'mailbox_not_found', 'mailbox_full', 'catch_all']);
    const before = open.requests.length;
    const { validator } = validatorWith({ SMTP_PROXY: open.url });
    const { results } = await validator.validateMany(ADDRESSES, CHECK);
    expect(verdicts(results)).toEqual(expected);
    const asked = open.requests.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([`${MAIL}:${world.peers.port}`]));
  });

  it('with a user name and password: the same verdicts, and the password is in no log line', async () => {
    const expected = await direct();
    const before = authed.requests.length;
    const { validator, log } = validatorWith({ SMTP_PROXY: authed.url, LOG_LEVEL: 'debug' });
    const { results } = await validator.validateMany(ADDRESSES, CHECK);
    expect(verdicts(results)).toEqual(expected);
    expect(authed.requests.length).toBeGreaterThan(before);
    expect(log()).not.toContain(PASSWORD);
  });

  it('a dead proxy passes the attempt to the next one of the pool', async () => {
    const before = open.requests.length;
    const { validator, log } = validatorWith({ SMTP_PROXY: `${deadUrl},${open.url}` });
    const r = await validator.validate('alice@proxied.test', CHECK);
    expect(r).toMatchObject({ status: 'deliverable', reason: 'ok' });
    expect(open.requests.length).toBeGreaterThan(before);
    expect(log()).toContain(`SOCKS5 proxy ${deadUrl}: connection refused`);
  });

  it('a wrong password is a clear error (an attempt error, not a verdict on the mailbox), without the password', async () => {
    const wrong = authed.url.replace(encodeURIComponent(PASSWORD), 'not-the-password-77');
    const { validator, log } = validatorWith({ SMTP_PROXY: wrong });
    const r = await validator.validate('alice@proxied.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'smtp_unavailable', valid: true });
    expect(r.retry_after).not.toBeNull();
    expect(log()).toContain(
      `SOCKS5 proxy socks5://sieve:***@${AUTH_PROXY}:${authed.port}: authentication refused (wrong user name or password)`,
    );
    expect(log()).not.toContain('not-the-password-77');
    expect(JSON.stringify(r)).not.toContain('not-the-password-77');
  });

  it('every proxy of the pool failing: unknown, each reason in the log', async () => {
    const { validator, log } = validatorWith({
      SMTP_PROXY: `${deadUrl},${authed.url.replace(encodeURIComponent(PASSWORD), 'x')}`,
    });
    const r = await validator.validate('alice@proxied.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'smtp_unavailable' });
    expect(log()).toContain('connection refused');
    expect(log()).toContain('authentication refused');
  });

  it('a mail server at a proxy address is still refused by the address guard; the proxy is never asked', async () => {
    const before = open.requests.length;
    const { validator } = validatorWith({ SMTP_PROXY: open.url });
    const r = await validator.validate('x@atproxy.test', CHECK);
    expect(r).toMatchObject({ status: 'unknown', reason: 'blocked_mx_address' });
    expect(open.requests.length).toBe(before);
  });

  it('SMTP_PROXY_ROUTES sends the matching MX hosts through their proxy, the others directly', async () => {
    const before = authed.requests.length;
    const direct = world.peers.at(MAIL).connections;
    const { validator } = validatorWith({ SMTP_PROXY_ROUTES: `routed.test=${authed.url}` });
    const [routed, other] = (await validator.validateMany(['carol@routed.test', 'alice@proxied.test'], CHECK)).results;
    expect(routed).toMatchObject({ status: 'deliverable', mx: { host: 'mx.routed.test' } });
    expect(other).toMatchObject({ status: 'deliverable', mx: { host: 'mx.proxied.test' } });
    expect(new Set(authed.requests.slice(before))).toEqual(new Set([`${ROUTED}:${world.peers.port}`]));
    expect(world.peers.at(MAIL).connections).toBeGreaterThan(direct);
  });
});
