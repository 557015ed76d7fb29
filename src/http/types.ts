import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import type {
  FastifyBaseLogger,
  FastifyReply,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import Type from 'typebox';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** An ISO 8601 time in responses; handlers may hand over Date objects, the serializer writes them out. */
export const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const NullableTimestamp = Type.Unsafe<Date | string | null>({
  anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
});
export const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PageLimit = Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Items per page' });

/**
 * Sends a body that is already JSON text (or a stream of it), past the route's response schema: for answers
 * built from stored JSON, or cheaper to write by hand than to validate. The schema still documents them.
 */
export function sendJsonText(reply: FastifyReply, body: string | Readable): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}
