// A minimal SMTP responder for the email benchmark (run as a child process by email-throughput.ts):
// one listener per loopback address given, all on one port, each waiting exactly DELAY_MS before every
// reply (greeting included), on PORT when given (25 for peers that only dial port 25; a free port
// otherwise). Mailboxes user0..user7 exist at every domain; anything else is 550.
// It counts, per listener, the connections open at once: from accept until the client or the server
// ends the connection (the server ends it right after answering QUIT).
// (smtp-server is not used here: it waits a fixed 100 ms before its greeting.)
import net from 'node:net';

const DELAY_MS = Number(process.env.DELAY_MS ?? 50);
const addresses = (process.env.ADDRESSES ?? '127.0.0.10').split(',');
const PORT = Number(process.env.PORT ?? 0);

interface Stats {
  open: number;
  peak: number;
  connections: number;
  commands: number;
  data: number;
  /** Commands by verb (EHLO, MAIL, RCPT, ...). */
  verbs: Record<string, number>;
  /** When (epoch ms) the first connection since the last reset came, and when the last reply went out. */
  firstAt: number;
  lastAt: number;
}
const stats = new Map<string, Stats>(
  addresses.map((a) => [a, { open: 0, peak: 0, connections: 0, commands: 0, data: 0, verbs: {}, firstAt: 0, lastAt: 0 }]),
);

function answer(line: string, s: Stats): { reply: string; close?: boolean } {
  const verb = line.slice(0, 4).toUpperCase();
  s.commands++;
  s.verbs[verb] = (s.verbs[verb] ?? 0) + 1;
  if (verb === 'EHLO') return { reply: '250-bench.test greets you\r\n250-8BITMIME\r\n250 SMTPUTF8' };
  if (verb === 'HELO' || verb === 'RSET' || verb === 'NOOP') return { reply: '250 2.0.0 Ok' };
  if (verb === 'MAIL') return { reply: '250 2.1.0 Ok' };
  if (verb === 'RCPT') {
    const local = /<([^@>]*)@/.exec(line)?.[1] ?? '';
    return { reply: /^user[0-7]$/.test(local) ? '250 2.1.5 Ok' : '550 5.1.1 User unknown' };
  }
  if (verb === 'DATA') {
    s.data++;
    return { reply: '554 5.5.1 No DATA in this benchmark' };
  }
  if (verb === 'QUIT') return { reply: '221 2.0.0 Bye', close: true };
  return { reply: '502 5.5.2 Command not recognised' };
}

function serve(socket: net.Socket, s: Stats) {
  s.connections++;
  s.firstAt ||= Date.now();
  s.peak = Math.max(s.peak, ++s.open);
  let counted = true;
  const over = () => {
    if (counted) s.open--;
    counted = false;
  };
  socket.on('end', over);
  socket.on('close', over);
  socket.on('error', () => {});
  socket.setNoDelay(true);
  socket.setEncoding('utf8');
  const pending: string[] = [];
  let busy = true; // the greeting goes first
  let buffer = '';
  const next = () => {
    const line = pending.shift();
    if (line === undefined) {
      busy = false;
      return;
    }
    busy = true;
    const { reply, close } = answer(line, s);
    setTimeout(() => {
      if (socket.destroyed) return;
      socket.write(`${reply}\r\n`);
      s.lastAt = Date.now();
      if (close) {
        over();
        socket.end();
      } else next();
    }, DELAY_MS);
  };
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      pending.push(buffer.slice(0, nl).replace(/\r$/, ''));
      buffer = buffer.slice(nl + 1);
    }
    if (!busy) next();
  });
  setTimeout(() => {
    if (socket.destroyed) return;
    socket.write('220 bench.test ESMTP\r\n');
    next();
  }, DELAY_MS);
}

async function listenAll(): Promise<number> {
  for (let attempt = 0; attempt < (PORT ? 1 : 10); attempt++) {
    const servers: net.Server[] = [];
    let port = PORT;
    try {
      for (const address of addresses) {
        const server = net.createServer((socket) => serve(socket, stats.get(address) as Stats));
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ host: address, port, backlog: 1024 }, () => resolve());
        });
        port = (server.address() as net.AddressInfo).port;
        servers.push(server);
      }
      return port;
    } catch {
      for (const s of servers) s.close();
    }
  }
  throw new Error(PORT ? `port ${PORT} not free on every address` : 'no common free port');
}

const port = await listenAll();
process.send?.({ type: 'listening', port });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') process.send?.({ type: 'stats', stats: Object.fromEntries(stats) });
  if (message.type === 'reset') {
    for (const s of stats.values())
      Object.assign(s, { peak: s.open, connections: 0, commands: 0, data: 0, verbs: {}, firstAt: 0, lastAt: 0 });
    process.send?.({ type: 'reset' });
  }
});
process.on('disconnect', () => process.exit(0));
