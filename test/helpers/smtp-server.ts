// A local mail server (smtp-server) with scripted behaviour, for email checks against real SMTP.
// By default it accepts the `mailboxes` given and answers 550 5.1.1 for anything else; `catchAll`
// accepts everything; `rcpt` scripts the reply to each RCPT TO (it sees how many times the address was
// asked before, for greylisting); `greeting` refuses or stalls connections. Every TCP connection,
// RCPT, DATA and session is counted, so a test can prove that nothing reached the server.
// Note: smtp-server waits 100 ms before its greeting (an "early talker" check); run probes concurrently.
import type net from 'node:net';
import { domainToASCII } from 'node:url';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

/** What to do with one RCPT TO: accept, reply with a code, never answer, cut the connection, or one of those later. */
export type RcptAction = 'accept' | 'stall' | 'drop' | { code: number; message: string } | { afterMs: number; then: RcptAction };

export interface SmtpBehaviour {
  /** Addresses (any case) that exist. */
  mailboxes?: string[];
  /** Accept every recipient. */
  catchAll?: boolean;
  /** Scripted replies (the address comes lower-cased, domain in ASCII); undefined for the default (mailboxes / catchAll / 550). */
  rcpt?: (address: string, ctx: { attempt: number; session: SMTPServerSession }) => RcptAction | undefined;
  /** Reply to MAIL FROM instead of accepting it. */
  mailFrom?: (address: string) => RcptAction | undefined;
  /** Refuse at the greeting with this reply (421 closes), or never greet. */
  greeting?: { code: number; message: string } | 'stall';
  /** Advertise SMTPUTF8 (default true). */
  smtpUtf8?: boolean;
  /** Refuse more than this many recipients in one transaction with 452 4.5.3. */
  maxRecipients?: number;
  /** Turn away connections beyond this many at once with 421 (smtp-server's maxClients). */
  maxClients?: number;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** TCP connections accepted so far. */
  readonly connections: number;
  /** The most TCP connections open at once. */
  readonly peakOpen: number;
  /** TCP connections open now. */
  readonly open: number;
  /** DATA commands that reached the message stage (each message is read, then refused with 554). */
  readonly dataCommands: number;
  /** Every RCPT TO address, in order. */
  rcpts: string[];
  /** Every MAIL FROM address ('' for the null sender). */
  mailFroms: string[];
  /** The EHLO/HELO names clients gave. */
  helos: string[];
  behaviour: SmtpBehaviour;
  close(): Promise<void>;
}

/** Lower case, domain in ASCII: smtp-server hands over internationalised domains in Unicode. */
const addressKey = (address: string) => {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`.toLowerCase();
};

const reply = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startSmtpServer(
  behaviour: SmtpBehaviour = {},
  options: { host?: string; port?: number } = {},
): Promise<TestSmtpServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();
  const attempts = new Map<string, number>();
  let connections = 0;
  let peakOpen = 0;
  let dataCommands = 0;
  const state = { rcpts: [] as string[], mailFroms: [] as string[], helos: [] as string[] };

  const server: SMTPServer = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    hideSTARTTLS: true,
    hideSMTPUTF8: behaviour.smtpUtf8 === false,
    maxRecipients: behaviour.maxRecipients ?? 0,
    maxClients: behaviour.maxClients ?? 0,
    banner: 'test mail server',
    onConnect(_session, callback) {
      const greeting = current.behaviour.greeting;
      if (greeting === 'stall') return;
      if (greeting) return callback(reply(greeting.code, greeting.message));
      callback();
    },
    onMailFrom(address: SMTPServerAddress, session, callback) {
      state.mailFroms.push(address.address);
      if (session.hostNameAppearsAs) state.helos.push(session.hostNameAppearsAs);
      const action = current.behaviour.mailFrom?.(address.address);
      act(action ?? 'accept', session, callback);
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      const key = addressKey(address.address);
      state.rcpts.push(address.address);
      const attempt = attempts.get(key) ?? 0;
      attempts.set(key, attempt + 1);
      const b = current.behaviour;
      const scripted = b.rcpt?.(key, { attempt, session });
      if (scripted) return act(scripted, session, callback);
      if (b.catchAll || (b.mailboxes ?? []).some((m) => addressKey(m) === key)) return callback();
      callback(reply(550, '5.1.1 <' + address.address + '>: Recipient address rejected: User unknown'));
    },
    onData(stream, _session, callback) {
      dataCommands++;
      stream.on('end', () => callback(reply(554, '5.5.1 No messages accepted here')));
      stream.resume();
    },
  });

  function act(action: RcptAction, session: SMTPServerSession, callback: (err?: Error) => void) {
    if (action === 'accept') return callback();
    if (action === 'stall') return;
    if (typeof action === 'object' && 'afterMs' in action) {
      setTimeout(() => act(action.then, session, callback), action.afterMs);
      return;
    }
    if (action === 'drop') {
      for (const connection of (server as unknown as { connections: Set<{ id: string; _socket: net.Socket }> }).connections) {
        if (connection.id === session.id) connection._socket.destroy();
      }
      return;
    }
    callback(reply(action.code, action.message));
  }

  const netServer = (server as unknown as { server: net.Server }).server;
  // A connection counts as open from its accept until either side ends it (the server's own end()
  // after QUIT included), so that `peakOpen` is what the server experienced.
  let openNow = 0;
  netServer.on('connection', (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    peakOpen = Math.max(peakOpen, ++openNow);
    let counted = true;
    const over = () => {
      if (counted) openNow--;
      counted = false;
    };
    const end = socket.end.bind(socket);
    socket.end = ((...args: Parameters<net.Socket['end']>) => {
      over();
      return end(...args);
    }) as net.Socket['end'];
    socket.on('end', over);
    socket.on('close', () => {
      over();
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.on('error', () => {}); // a client vanishing mid-session is expected in these tests
  const port = (netServer.address() as net.AddressInfo).port;

  const current: TestSmtpServer = {
    host,
    port,
    get connections() {
      return connections;
    },
    get peakOpen() {
      return peakOpen;
    },
    get open() {
      return openNow;
    },
    get dataCommands() {
      return dataCommands;
    },
    rcpts: state.rcpts,
    mailFroms: state.mailFroms,
    helos: state.helos,
    behaviour,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return current;
}

export interface SmtpPeers {
  /** The one port every peer listens on (SMTP_PORT). */
  port: number;
  /** The peer listening on each address. */
  at(address: string): TestSmtpServer;
  close(): Promise<void>;
}

/**
 * One mail server per loopback address (127.0.0.x), all on the same port, as a world of MX hosts needs
 * (Sieve connects to every MX on SMTP_PORT).
 */
export async function startSmtpPeers(behaviours: Record<string, SmtpBehaviour>): Promise<SmtpPeers> {
  const addresses = Object.keys(behaviours);
  for (let attempt = 0; attempt < 10; attempt++) {
    const servers = new Map<string, TestSmtpServer>();
    try {
      let port = 0;
      for (const address of addresses) {
        const server = await startSmtpServer(behaviours[address], { host: address, port });
        port = server.port;
        servers.set(address, server);
      }
      return {
        port,
        at(address) {
          const server = servers.get(address);
          if (!server) throw new Error(`no test mail server on ${address}`);
          return server;
        },
        async close() {
          await Promise.all([...servers.values()].map((s) => s.close()));
        },
      };
    } catch (err) {
      await Promise.all([...servers.values()].map((s) => s.close()));
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new Error('no port free on all the requested loopback addresses');
}
