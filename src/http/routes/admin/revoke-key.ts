import Type from 'typebox';
import { revokeKey } from '../../../accounts/api-keys.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { KeyId, KeyInfo } from './schemas.js';

export default routes((app, { ctx }) => {
  app.delete(
    '/keys/:key_id',
    {
      schema: {
        operationId: 'revokeAccountKey',
        tags: ['operator'],
        summary: 'Revoke an API key (it stops working at once; revoking twice is harmless)',
        params: Type.Object({ key_id: KeyId }),
        response: { 200: KeyInfo },
        errors: ['not_found'],
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
});
