// A real local SOCKS5 proxy (@mongodb-js/socksv5) for the tests of SMTP through proxies: with or without a user
// name and password; it records every CONNECT request it was asked and counts its client connections.
import type net from 'node:net';
import socks from '@mongodb-js/socksv5';

export interface TestSocksServer {
  host: string;
  port: number;
  /** socks5://[user:password@]host:port */
  url: string;
  /** Every CONNECT it was asked to make ("127.0.0.2:2525"), accepted or not. */
  requests: string[];
  /** TCP connections from clients so far (authenticated or not). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startSocksServer(
  options: { host?: string; user?: string; password?: string } = {},
): Promise<TestSocksServer> {
  const host = options.host ?? '127.0.0.1';
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = socks.createServer((info, accept) => {
    requests.push(`${info.dstAddr}:${info.dstPort}`);
    accept();
  });
  if (options.user !== undefined) {
    server.useAuth(
      socks.auth.UserPassword((user, password, callback) => callback(user === options.user && password === options.password)),
    );
  } else {
    server.useAuth(socks.auth.None());
  }
  server._srv.on('connection', (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = server.address().port;
  const credentials =
    options.user !== undefined ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password ?? '')}@` : '';
  return {
    host,
    port,
    url: `socks5://${credentials}${host}:${port}`,
    requests,
    get connections() {
      return connections;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
