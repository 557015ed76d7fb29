import Type from 'typebox';
import { ID_PATTERN } from '../../../lib/ids.js';
import { Nullable, NullableTimestamp, Timestamp } from '../../types.js';

export const AccountId = Type.String({ pattern: ID_PATTERN('acc'), description: 'acc_ + 32 hex digits' });
export const KeyId = Type.String({ pattern: ID_PATTERN('key'), description: 'key_ + 32 hex digits' });
export const Credits = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 });

export const Account = Type.Object({
  account_id: Type.String(),
  name: Nullable(Type.String()),
  credits_remaining: Type.Integer(),
  created_at: Timestamp,
});

export const KeyInfo = Type.Object({
  key_id: Type.String(),
  account_id: Type.String(),
  name: Nullable(Type.String()),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
  created_at: Timestamp,
  last_used_at: NullableTimestamp,
  revoked_at: NullableTimestamp,
});

export const AccountParams = Type.Object({ account_id: AccountId });
