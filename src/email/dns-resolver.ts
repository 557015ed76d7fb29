export * from '../net/dns-client.js';
