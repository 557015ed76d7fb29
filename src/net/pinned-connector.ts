// An undici connector that opens a connection to one address that was checked beforehand, and nowhere else.
//
// undici hands a connector the URL's host name; this one ignores it and dials the pinned IP address (Node
// does no DNS lookup for an IP). For https the original host name is kept as the TLS server name, so SNI
// and the certificate check are about the name the customer gave. Once connected, the socket's remote
// address must be the pinned one (IPv4-mapped IPv6 unwrapped), or the socket is destroyed before undici
// writes a byte to it. With an IP literal and no proxy in between this cannot differ; the check is there
// so that a change in how sockets are opened cannot quietly send deliveries elsewhere.
import net from 'node:net';
import tls from 'node:tls';
import ipaddr from 'ipaddr.js';
import type { buildConnector } from 'undici';

export interface PinnedEndpoint {
  /** The checked IP address. */
  address: string;
  port: number;
  secure: boolean;
  /** TLS server name (SNI and certificate identity); null when the URL's host is an IP address. */
  servername: string | null;
}

/** Opens a TCP or TLS socket; replaceable so tests can see what is dialled. */
export type Dialer = (options: { host: string; port: number; secure: boolean; tls: tls.ConnectionOptions }) => net.Socket;

export interface PinnedConnectorOptions {
  /** Longest wait for the connection (and TLS handshake); a function is asked at each connection. */
  timeoutMs: number | (() => number);
  /** Extra trusted certificate authorities (PEM), added to Node's own. */
  ca?: string | Buffer | (string | Buffer)[];
  dial?: Dialer;
}

/** Why a connection was given up: it reached another address than the checked one, or took too long. */
export class PinnedConnectError extends Error {
  constructor(
    message: string,
    readonly code: 'pin_mismatch' | 'connect_timeout',
    readonly address: string,
  ) {
    super(message);
    this.name = 'PinnedConnectError';
  }
}

const defaultDial: Dialer = ({ host, port, secure, tls: tlsOptions }) =>
  secure ? tls.connect({ ...tlsOptions, host, port }) : net.connect({ host, port });

/** The address to dial: IPv4-mapped IPv6 (::ffff:a.b.c.d) is dialled as the IPv4 address it maps. */
function dialAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toNormalizedString() : parsed.toString();
}

/** Both addresses written the same way, so that "::1" and "0:0:0:0:0:0:0:1" compare equal. */
function sameAddress(a: string | undefined, b: string): boolean {
  return a !== undefined && ipaddr.isValid(a) && dialAddress(a) === dialAddress(b);
}

export function createPinnedConnector(endpoint: PinnedEndpoint, options: PinnedConnectorOptions): buildConnector.connector {
  const dial = options.dial ?? defaultDial;
  const target = dialAddress(endpoint.address);
  return (_undiciOptions, callback) => {
    const timeoutMs = typeof options.timeoutMs === 'function' ? options.timeoutMs() : options.timeoutMs;
    let settled = false;
    const socket = dial({
      host: target,
      port: endpoint.port,
      secure: endpoint.secure,
      tls: {
        ...(endpoint.servername ? { servername: endpoint.servername } : {}),
        ...(options.ca ? { ca: [...tls.rootCertificates, ...[options.ca].flat()] } : {}),
        ALPNProtocols: ['http/1.1'],
      },
    });
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        socket.destroy();
        callback(err, null);
      } else {
        callback(null, socket);
      }
    };
    const timer = setTimeout(
      () =>
        finish(
          new PinnedConnectError(
            `connecting to ${target}:${endpoint.port} took longer than ${timeoutMs} ms`,
            'connect_timeout',
            target,
          ),
        ),
      Math.max(1, timeoutMs),
    );
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    socket.once('connect', () => {
      if (!sameAddress(socket.remoteAddress, target)) {
        finish(
          new PinnedConnectError(
            `connected to ${socket.remoteAddress ?? 'an unknown address'} instead of the checked address ${target}`,
            'pin_mismatch',
            target,
          ),
        );
        return;
      }
      if (!endpoint.secure) finish(null);
    });
    if (endpoint.secure) socket.once('secureConnect', () => finish(null));
    socket.on('error', (err) => finish(err));
  };
}
