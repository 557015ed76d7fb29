// One SMTP client connection: connect to an IP address (never a name), read the greeting, EHLO (HELO
// when EHLO is refused), then one command at a time, each reply awaited with a timeout. No pipelining,
// no DATA, ever. Failures (refused, timed out, closed) are values; a session that failed is unusable.
import net from 'node:net';

export interface SmtpReply {
  code: number;
  /** The text of all lines, joined by a space, without the codes. */
  message: string;
  /** The RFC 3463 enhanced status code when the server gave one ("5.1.1"). */
  enhanced: string | null;
}

export type SmtpFailureKind = 'timeout' | 'closed' | 'refused';
export type SmtpStep = { ok: true; reply: SmtpReply } | { ok: false; failure: SmtpFailureKind; message: string };

export interface SmtpSession {
  /** The server advertised SMTPUTF8 (RFC 6531). */
  readonly smtpUtf8: boolean;
  command(line: string): Promise<SmtpStep>;
  /** QUIT politely (waiting briefly for the reply), then close. */
  quit(): Promise<void>;
  /** Closes at once; resolves when the socket is closed. */
  destroy(): Promise<void>;
}

export type OpenResult =
  | { ok: true; session: SmtpSession }
  | { ok: false; failure: SmtpFailureKind | 'greeting' | 'helo'; message: string; reply: SmtpReply | null };

const MAX_LINE = 4096;
const MAX_REPLY_LINES = 100;
const QUIT_WAIT_MS = 1000;

/** One reply from its lines ("250-first", "250 last"): the first line's code, the texts joined. */
export function parseReply(lines: string[]): SmtpReply {
  const code = Number(lines[0]?.slice(0, 3));
  const text = lines
    .map((l) => l.slice(4).trim())
    .join(' ')
    .trim();
  const enhanced = /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1] ?? null;
  return { code, message: text, enhanced };
}

/** Reads replies off a socket; resolves one waiter per complete reply. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private ready: SmtpReply[] = [];
  private waiter: ((step: SmtpStep) => void) | null = null;
  private ended: { failure: SmtpFailureKind; message: string } | null = null;

  constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('close', () => this.end('closed', 'the server closed the connection'));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      this.end(err.code === 'ECONNREFUSED' ? 'refused' : 'closed', err.code ?? err.message),
    );
  }

  private onData(chunk: string) {
    this.buffer += chunk;
    for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      if (!/^[2-5]\d\d([ -]|$)/.test(line)) return this.end('closed', `not an SMTP reply: ${line.slice(0, 80)}`, true);
      this.lines.push(line);
      if (line[3] === '-' && this.lines.length < MAX_REPLY_LINES) continue;
      this.ready.push(parseReply(this.lines));
      this.lines = [];
    }
    if (this.buffer.length > MAX_LINE) return this.end('closed', 'reply line too long', true);
    this.flush();
  }

  private flush() {
    if (!this.waiter) return;
    const reply = this.ready.shift();
    if (reply) return this.settle({ ok: true, reply });
    if (this.ended) this.settle({ ok: false, ...this.ended });
  }

  private settle(step: SmtpStep) {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(step);
  }

  end(failure: SmtpFailureKind, message: string, destroy = false) {
    if (!this.ended) this.ended = { failure, message };
    if (destroy) this.socket.destroy();
    this.flush();
  }

  /** The next reply, or the failure that prevents it, within `timeoutMs`. */
  next(timeoutMs: number): Promise<SmtpStep> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        this.end('timeout', `no reply within ${timeoutMs} ms`, true);
        resolve({ ok: false, failure: 'timeout', message: `no reply within ${timeoutMs} ms` });
      }, timeoutMs);
      this.waiter = (step) => {
        clearTimeout(timer);
        resolve(step);
      };
      this.flush();
    });
  }

  get failed() {
    return this.ended;
  }
}

function connectSocket(
  address: string,
  port: number,
  timeoutMs: number,
): Promise<{ ok: true; socket: net.Socket } | { ok: false; failure: SmtpFailureKind; message: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, family: net.isIP(address) });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, failure: 'timeout', message: `connect timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve({ ok: true, socket });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, failure: err.code === 'ECONNREFUSED' ? 'refused' : 'closed', message: err.code ?? err.message });
    });
  });
}

export async function openSmtpSession(options: {
  address: string;
  port: number;
  helo: string;
  timeoutMs: number;
  /** Aborts the opening (connect, greeting, EHLO): the socket is closed at once. */
  signal?: AbortSignal;
}): Promise<OpenResult> {
  const connected = await connectSocket(options.address, options.port, options.timeoutMs);
  if (!connected.ok) return { ...connected, reply: null };
  const socket = connected.socket;
  const { signal } = options;
  if (signal?.aborted) {
    socket.destroy();
    return { ok: false, failure: 'closed', message: 'aborted', reply: null };
  }
  const onAbort = () => socket.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await greet(socket, options);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

async function greet(socket: net.Socket, options: { helo: string; timeoutMs: number }): Promise<OpenResult> {
  socket.setNoDelay(true);
  const reader = new ReplyReader(socket);
  const send = async (line: string): Promise<SmtpStep> => {
    if (reader.failed) return { ok: false, ...reader.failed };
    socket.write(`${line}\r\n`);
    return reader.next(options.timeoutMs);
  };
  const fail = (failure: 'greeting' | 'helo', reply: SmtpReply): OpenResult => {
    socket.destroy();
    return { ok: false, failure, message: `${reply.code} ${reply.message}`, reply };
  };

  const greeting = await reader.next(options.timeoutMs);
  if (!greeting.ok) return { ok: false, failure: greeting.failure, message: greeting.message, reply: null };
  if (greeting.reply.code !== 220) return fail('greeting', greeting.reply);

  let hello = await send(`EHLO ${options.helo}`);
  let extensions: string[] = [];
  if (hello.ok && hello.reply.code === 250) {
    extensions = hello.reply.message.toUpperCase().split(/\s+/);
  } else if (hello.ok && hello.reply.code >= 500) {
    hello = await send(`HELO ${options.helo}`);
  }
  if (!hello.ok) return { ok: false, failure: hello.failure, message: hello.message, reply: null };
  if (hello.reply.code !== 250) return fail('helo', hello.reply);

  return {
    ok: true,
    session: {
      smtpUtf8: extensions.includes('SMTPUTF8'),
      command: send,
      async quit() {
        if (!reader.failed) {
          // Wait for the reply and for the server to close its side, so that the server has let go of
          // the connection before our slot for it is given to the next one.
          const closed = new Promise<void>((resolve) => {
            if (socket.readableEnded || socket.destroyed) return resolve();
            socket.once('end', resolve);
            socket.once('close', resolve);
          });
          socket.write('QUIT\r\n');
          const wait = Math.min(options.timeoutMs, QUIT_WAIT_MS);
          const reply = await reader.next(wait);
          if (reply.ok) {
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)))]);
            clearTimeout(timer);
          }
        }
        socket.destroy();
      },
      destroy: () =>
        new Promise<void>((resolve) => {
          if (socket.closed) return resolve();
          socket.once('close', () => resolve());
          socket.destroy();
        }),
    },
  };
}
