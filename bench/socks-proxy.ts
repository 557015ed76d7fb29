// A local SOCKS5 proxy for the email benchmarks (run as a child process): the tests' proxy (@mongodb-js/socksv5),
// with a user name and password. It tells its URL to the parent.
import { startSocksServer } from '../test/helpers/socks-server.js';

const proxy = await startSocksServer({ user: 'bench', password: 'bench-password' });
process.send?.({ type: 'listening', url: proxy.url });
process.on('disconnect', () => void proxy.close().then(() => process.exit(0)));
