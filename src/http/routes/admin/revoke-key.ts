import Type from 'typebox';
import { revokeKey } from '../../../accounts/api-keys.js';
import type { Context } from '../../../context.js';
import { ApiError, commonErrors } from '../../errors.js';
import type { App } from '../../types.js';
import { KeyId, KeyInfo } from './schemas.js';

export function revokeKeyRoute(app: App, ctx: Context): void {
  app.delete(
    '/keys/:key_id',
    {
      schema: {
        tags: ['operator'],
        summary: 'Revoke an API key (it stops working at once; revoking twice is harmless)',
        security: [{ adminToken: [] }],
        params: Type.Object({ key_id: KeyId }),
        response: { 200: KeyInfo, 404: Type.Ref('ErrorResponse'), ...commonErrors },
      },
    },
    async (request) => {
      const revoked = await revokeKey(ctx.db, request.params.key_id);
      if (!revoked) throw new ApiError('not_found', 'No such key');
      ctx.keys.forget(revoked.keyHash);
      request.log.info({ key_id: revoked.info.key_id }, 'key revoked');
      return revoked.info;
    },
  );
}
