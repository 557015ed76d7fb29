// A local HTTP(S) server that plays a webhook receiver in tests and benchmarks.
//
// - Records every request: method, path, headers, the raw body bytes (with their SHA-256 and length),
//   and the TLS server name asked for.
// - Counts connections (accepted, open now) so tests can see keep-alive reuse or that nothing connected.
// - Answers from a script: queued answers are used one per request, in order; after them the fallback
//   answer (200 with an empty JSON object unless set). An answer can wait, never answer, drop the
//   connection, redirect, set Retry-After or send a large body, and the receiver records how much of each
//   answer really left (so a test can tell that a client stopped reading).
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type tls from 'node:tls';
import { waitFor } from './wait.js';

export interface ReceiverAnswer {
  /** Default 200 (302 with `redirectTo`). */
  status?: number;
  headers?: Record<string, string | number>;
  /** Default "{}" (JSON). */
  body?: string | Buffer;
  /** A body of this many bytes ("x" repeated), written piece by piece as the client reads it. */
  bodyBytes?: number;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Never answers; the connection stays open until the client gives up or the receiver closes. */
  hang?: boolean;
  /** Closes the connection without answering (the client sees a reset or a closed socket). */
  drop?: boolean;
  /** Adds a Retry-After header (seconds or an HTTP date). */
  retryAfter?: number | string;
  /** Adds a Location header; the status is 302 unless given. */
  redirectTo?: string;
}

export type AnswerFor = ReceiverAnswer | ((request: ReceivedRequest) => ReceiverAnswer);

export interface ReceivedRequest {
  /** 0 for the first request this receiver got. */
  index: number;
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** Lower-case names; a repeated header is joined with ", ". */
  headers: Record<string, string>;
  /** Raw body bytes (empty when `recordBodies` is false). */
  body: Buffer;
  bodyLength: number;
  bodySha256: string;
  /** The TLS server name (SNI) the client asked for, for https receivers. */
  servername: string | null;
}

export interface AnswerRecord {
  /** The request this answered. */
  index: number;
  status: number;
  /** Body bytes the answer was meant to have. */
  bodyBytesPlanned: number;
  /** Body bytes handed to the operating system before the answer ended. */
  bodyBytesWritten: number;
  /** True when the whole answer was written; false when the connection closed first. */
  completed: boolean;
}

export interface HttpReceiver {
  /** "http://127.0.0.1:port" (no trailing slash); add a path. */
  url: string;
  host: string;
  port: number;
  requests: ReceivedRequest[];
  answers: AnswerRecord[];
  /** Connections accepted so far. */
  connections(): number;
  /** Connections open right now. */
  openConnections(): number;
  /** Body bytes received so far, requests still arriving included. */
  bodyBytesReceived(): number;
  /** Adds answers for the next requests, in order. */
  queue(...answers: AnswerFor[]): void;
  /** The answer once the queue is empty. */
  fallback(answer: AnswerFor): void;
  /** Resolves once `count` answers have ended (completed or cut off), or fails after `timeoutMs`. */
  waitForAnswers(count: number, timeoutMs?: number): Promise<void>;
  /** Forgets recorded requests, answers and counts (the script stays). */
  reset(): void;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Default 127.0.0.1; "::1" for IPv6 loopback. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Key and certificate (PEM) for an https receiver. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Keep body bytes (default true); hashes and lengths are kept either way. */
  recordBodies?: boolean;
  fallback?: AnswerFor;
}

const CHUNK = 64 * 1024;

function flat(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export async function startHttpReceiver(options: ReceiverOptions = {}): Promise<HttpReceiver> {
  const host = options.host ?? '127.0.0.1';
  const recordBodies = options.recordBodies ?? true;
  const requests: ReceivedRequest[] = [];
  const answers: AnswerRecord[] = [];
  const script: AnswerFor[] = [];
  let fallbackAnswer: AnswerFor = options.fallback ?? {};
  let accepted = 0;
  let receivedBodyBytes = 0;
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      length += chunk.length;
      receivedBodyBytes += chunk.length;
      if (recordBodies) chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      const received: ReceivedRequest = {
        index: requests.length,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: flat(req.headers),
        body: Buffer.concat(chunks),
        bodyLength: length,
        bodySha256: hash.digest('hex'),
        servername: ((req.socket as tls.TLSSocket).servername as string | false | undefined) || null,
      };
      requests.push(received);
      const next = script.length > 0 ? (script.shift() as AnswerFor) : fallbackAnswer;
      const answer = typeof next === 'function' ? next(received) : next;
      if (answer.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          respond(received, answer, res);
        }, answer.delayMs);
        timers.add(timer);
      } else {
        respond(received, answer, res);
      }
    });
  };

  function respond(request: ReceivedRequest, answer: ReceiverAnswer, res: http.ServerResponse) {
    if (answer.hang) return;
    if (answer.drop) {
      res.socket?.destroy();
      return;
    }
    const status = answer.status ?? (answer.redirectTo ? 302 : 200);
    const headers: Record<string, string | number> = { ...(answer.headers ?? {}) };
    if (answer.retryAfter !== undefined) headers['retry-after'] = answer.retryAfter;
    if (answer.redirectTo) headers.location = answer.redirectTo;
    const record: AnswerRecord = { index: request.index, status, bodyBytesPlanned: 0, bodyBytesWritten: 0, completed: false };
    let ended = false;
    const end = (completed: boolean) => {
      if (ended) return;
      ended = true;
      record.completed = completed;
      answers.push(record);
    };
    res.on('finish', () => end(true));
    res.on('close', () => end(res.writableFinished));

    if (answer.bodyBytes !== undefined) {
      record.bodyBytesPlanned = answer.bodyBytes;
      res.writeHead(status, { 'content-type': 'text/plain', 'content-length': answer.bodyBytes, ...headers });
      const piece = Buffer.alloc(CHUNK, 'x');
      let left = answer.bodyBytes;
      // Writes one piece at a time and waits for it to be flushed, so `bodyBytesWritten` only counts
      // bytes the client side had room for.
      const writeNext = () => {
        if (res.destroyed) return;
        if (left === 0) {
          res.end();
          return;
        }
        const size = Math.min(CHUNK, left);
        left -= size;
        res.write(size === CHUNK ? piece : piece.subarray(0, size), (err) => {
          if (err) return;
          record.bodyBytesWritten += size;
          writeNext();
        });
      };
      writeNext();
      return;
    }
    const body = answer.body ?? (status === 204 || status === 304 ? '' : '{}');
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    record.bodyBytesPlanned = bytes.length;
    const contentType = answer.body === undefined ? 'application/json' : 'text/plain';
    res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length, ...headers });
    res.end(bytes, () => {
      record.bodyBytesWritten = bytes.length;
    });
  }

  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: net.Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  if (options.tls) server.on('tlsClientError', () => undefined);
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `${scheme}://${urlHost}:${port}`,
    host,
    port,
    requests,
    answers,
    connections: () => accepted,
    openConnections: () => sockets.size,
    bodyBytesReceived: () => receivedBodyBytes,
    queue: (...more) => void script.push(...more),
    fallback: (answer) => void (fallbackAnswer = answer),
    waitForAnswers: (count, timeoutMs = 5000) =>
      waitFor(() => answers.length >= count, timeoutMs, `${count} answers not ended`, 10),
    reset() {
      requests.length = 0;
      answers.length = 0;
      accepted = 0;
      receivedBodyBytes = 0;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closing;
    },
  };
}
