// Type declarations for test packages that ship without them.
declare module '@mongodb-js/socksv5' {
  import type net from 'node:net';
  export interface RequestInfo {
    cmd: string;
    srcAddr: string;
    srcPort: number;
    dstAddr: string;
    dstPort: number;
  }
  export interface Auth {
    METHOD: number;
  }
  export interface Server {
    useAuth(auth: Auth): Server;
    listen(port: number, host: string, callback: () => void): Server;
    address(): net.AddressInfo;
    close(callback?: () => void): Server;
    on(event: 'error', listener: (err: Error) => void): Server;
    _srv: net.Server;
  }
  export function createServer(
    listener: (info: RequestInfo, accept: (intercept?: boolean) => net.Socket | undefined, deny: () => void) => void,
  ): Server;
  export const auth: {
    None(): Auth;
    UserPassword(check: (user: string, password: string, callback: (ok: boolean) => void) => void): Auth;
  };
}
