// A package loaded on first use rather than at start-up, for packages only some processes or some calls need
// (a start-up of Sieve loads neither undici, nor ioredis without REDIS_URL, nor socks without a proxy).
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** The package `name`, required the first time the returned function is called. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}
