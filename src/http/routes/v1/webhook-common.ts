// What the webhook endpoint operations share: the path parameter, the endpoint as shown, the owner check.
import Type from 'typebox';
import type { Queryable } from '../../../db/db.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { getEndpoint } from '../../../webhooks/webhook-endpoints.js';
import { ApiError } from '../../errors.js';
import { Nullable, NullableTimestamp, Timestamp } from '../../types.js';

export const EndpointParams = Type.Object({ endpoint_id: Type.String({ pattern: ID_PATTERN('we') }) });

export const EndpointSchema = Type.Object({
  endpoint_id: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  event_types: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabled_at: NullableTimestamp,
  disabled_reason: Nullable(Type.String()),
  created_at: Timestamp,
});

/** The caller's endpoint or a 404 (another account's endpoint is not found either). */
export async function ownEndpoint(db: Queryable, accountId: string, id: string) {
  const endpoint = await getEndpoint(db, accountId, id);
  if (!endpoint) throw new ApiError('not_found', 'No such webhook endpoint');
  return endpoint;
}
