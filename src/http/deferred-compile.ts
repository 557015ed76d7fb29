// Route validators and serialisers compiled on their first use rather than at start-up: compiling every route's
// schemas (ajv, fast-json-stringify) was a fifth of a restart, and most routes of a process are never called.
// compileAllSchemas() compiles what is left (a test does, so that a schema the compilers refuse fails there).

const pending: (() => unknown)[] = [];

/** `compile()` on the first call; a validator carries the `errors` of its last call, as Fastify and we read them. */
export function deferred<F extends (data: never) => unknown>(compile: () => F): F & { errors?: unknown } {
  let fn: (F & { errors?: unknown }) | undefined;
  const ready = () => (fn ??= compile() as F & { errors?: unknown });
  pending.push(ready);
  const call = ((data: never) => {
    const f = ready();
    const out = f(data);
    call.errors = f.errors;
    return out;
  }) as F & { errors?: unknown };
  return call;
}

/** Compiles every validator and serialiser made so far in this process; how many there are. */
export function compileAllSchemas(): number {
  const now = pending.splice(0);
  for (const ready of now) ready();
  return now.length;
}
