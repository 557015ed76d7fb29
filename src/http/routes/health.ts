import Type from 'typebox';
import { pendingMigrations } from '../../db/migrate.js';
import { ApiError } from '../errors.js';
import { routes } from '../route-plugin.js';

export default routes((app, { ctx }) => {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['operations'],
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['operations'],
        summary: 'The store answers and every migration is applied',
        response: { 200: Type.Object({ status: Type.Literal('ready'), store: Type.String() }) },
      },
    },
    async () => {
      let pending: number[];
      try {
        pending = await pendingMigrations(ctx.db);
      } catch (err) {
        ctx.log.warn({ err }, 'readiness check: store unreachable');
        throw new ApiError('service_unavailable', 'The store does not answer');
      }
      if (pending.length > 0) {
        throw new ApiError('service_unavailable', `Migrations not applied yet: ${pending.join(', ')}`);
      }
      return { status: 'ready' as const, store: ctx.db.kind };
    },
  );
});
