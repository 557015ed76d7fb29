// Route validators and serialisers compiled on their first use rather than at start-up: compiling every route's
// schemas (ajv, fast-json-stringify) was a fifth of a restart, and most routes of a process are never called.
// compileAllSchemas() compiles what is left (a test does, so that a schema the compilers refuse fails there).

// Not compiled yet: each leaves the set when it is compiled.
const pending = new Set<() => unknown>();

/**
 * `compile()` on the first call. The call is passed on whole (Fastify gives an ajv validator its parent data, to
 * let it replace the root value), a validator carries the `errors` of its last call, and its `schemaEnv` (which
 * Fastify reads to know it is ajv's) compiles it when first read.
 */
export function deferred<F extends (...args: never[]) => unknown>(compile: () => F): F & { errors?: unknown } {
  let fn: (F & { errors?: unknown; schemaEnv?: unknown }) | undefined;
  const ready = () => {
    if (!fn) {
      fn = compile() as F & { errors?: unknown; schemaEnv?: unknown };
      pending.delete(ready);
    }
    return fn;
  };
  pending.add(ready);
  const call = ((...args: never[]) => {
    const f = ready();
    const out = f(...args);
    call.errors = f.errors;
    return out;
  }) as F & { errors?: unknown };
  Object.defineProperty(call, 'schemaEnv', { get: () => ready().schemaEnv, configurable: true });
  return call;
}

/** Compiles every validator and serialiser not compiled yet in this process; how many there were. */
export function compileAllSchemas(): number {
  const now = [...pending];
  for (const ready of now) ready();
  return now.length;
}
