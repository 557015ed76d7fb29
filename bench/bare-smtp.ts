// The email benchmarks' bare baseline: the fewest SMTP commands the benchmark's world allows, over the same caps
// Sieve obeys. Each domain's MX is looked up once (Node's resolver, asking the world's DNS server); per MX address,
// `perHost` connections each greet once (EHLO), then take domain after domain from that address's queue: MAIL FROM,
// one RCPT per address, RSET; QUIT when the queue is empty. No catch-all test, no politeness limit, no retries, no
// verdict logic beyond the reply code: what a hand-written loop that knows this world does, and no more.
import { Resolver } from 'node:dns/promises';
import net from 'node:net';

export interface BareSmtpResult {
  seconds: number;
  /** Of which the MX and address look-ups. */
  lookupSeconds: number;
  accepted: number;
  refused: number;
  connections: number;
}

/** One SMTP connection: write a command (or nothing, for the greeting), wait for its reply's code. */
function connect(address: string, port: number): Promise<{ ask(line?: string): Promise<number>; close(): void }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    socket.setNoDelay(true);
    socket.setEncoding('utf8');
    let buffer = '';
    let waiting: ((code: number) => void) | undefined;
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // A reply ends with a line "NNN text" (a space after the code; "NNN-" lines continue it).
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line[3] !== '-' && waiting) {
          const done = waiting;
          waiting = undefined;
          done(Number(line.slice(0, 3)));
        }
      }
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        ask(line) {
          return new Promise<number>((answer) => {
            waiting = answer;
            if (line !== undefined) socket.write(`${line}\r\n`);
          });
        },
        close: () => socket.destroy(),
      }),
    );
  });
}

export async function bareSmtpLoop(options: {
  emails: string[];
  dnsServer: string;
  smtpPort: number;
  perHost: number;
}): Promise<BareSmtpResult> {
  const started = performance.now();
  const resolver = new Resolver();
  resolver.setServers([options.dnsServer]);
  const byDomain = new Map<string, string[]>();
  for (const email of options.emails) {
    const domain = email.slice(email.indexOf('@') + 1);
    const list = byDomain.get(domain);
    if (list) list.push(email);
    else byDomain.set(domain, [email]);
  }
  // MX → address, once per name.
  const addressOf = new Map<string, Promise<string>>();
  const queues = new Map<string, string[][]>();
  // At most 50 look-ups in flight: a burst of 1,000 UDP questions loses some, and each loss costs a resolver timeout.
  const domains = [...byDomain];
  const lookup = async () => {
    for (let next = domains.shift(); next; next = domains.shift()) {
      const [domain, emails] = next;
      const mx = (await resolver.resolveMx(domain)).sort((a, b) => a.priority - b.priority)[0];
      if (!mx) throw new Error(`no MX for ${domain}`);
      if (!addressOf.has(mx.exchange))
        addressOf.set(
          mx.exchange,
          resolver.resolve4(mx.exchange).then((a) => a[0] as string),
        );
      const address = await (addressOf.get(mx.exchange) as Promise<string>);
      const queue = queues.get(address) ?? [];
      queue.push(emails);
      queues.set(address, queue);
    }
  };
  await Promise.all(Array.from({ length: 50 }, lookup));
  const resolved = performance.now();
  let accepted = 0;
  let refused = 0;
  let connections = 0;
  const session = async (address: string, queue: string[][]) => {
    const smtp = await connect(address, options.smtpPort);
    connections++;
    try {
      await smtp.ask(); // greeting
      await smtp.ask('EHLO bare.bench.test');
      for (let emails = queue.shift(); emails; emails = queue.shift()) {
        await smtp.ask('MAIL FROM:<probe@bare.bench.test>');
        for (const email of emails) {
          if ((await smtp.ask(`RCPT TO:<${email}>`)) === 250) accepted++;
          else refused++;
        }
        await smtp.ask('RSET');
      }
      await smtp.ask('QUIT');
    } finally {
      smtp.close();
    }
  };
  await Promise.all(
    [...queues].flatMap(([address, queue]) => Array.from({ length: options.perHost }, () => session(address, queue))),
  );
  const ended = performance.now();
  return {
    seconds: (ended - started) / 1000,
    lookupSeconds: (resolved - started) / 1000,
    accepted,
    refused,
    connections,
  };
}
