// The operator's view of the machinery: jobs waiting and running per queue, live worker processes, and
// webhook deliveries waiting to be sent.
import Type from 'typebox';
import { deliveriesWaiting } from '../../../webhooks/webhook-deliveries.js';
import { liveWorkers } from '../../../worker/live-workers.js';
import { routes } from '../../route-plugin.js';

export default routes((app, { ctx }) => {
  app.get(
    '/system',
    {
      schema: {
        operationId: 'getSystemStatus',
        tags: ['operator'],
        summary: 'Queue depth, live workers and webhook deliveries waiting, across every process',
        response: {
          200: Type.Object({
            queues: Type.Array(Type.Object({ queue: Type.String(), queued: Type.Integer(), active: Type.Integer() })),
            jobs_queued: Type.Integer({ description: 'Jobs waiting or due for a retry' }),
            jobs_active: Type.Integer(),
            workers: Type.Integer({ description: 'Worker processes heard from within WORKER_LOST_SECONDS' }),
            jobs_in_flight: Type.Integer({ description: 'Jobs those workers hold' }),
            deliveries_pending: Type.Integer({ description: 'Webhook deliveries waiting (retries not yet due included)' }),
            deliveries_sending: Type.Integer(),
          }),
        },
      },
    },
    async () => {
      const [depth, live, waiting] = await Promise.all([
        ctx.queue.depth(),
        liveWorkers(ctx.db, ctx.config.worker.lostSeconds),
        deliveriesWaiting(ctx.db),
      ]);
      const queues = Object.entries(depth).map(([queue, d]) => ({ queue, ...d }));
      return {
        queues,
        jobs_queued: queues.reduce((n, q) => n + q.queued, 0),
        jobs_active: queues.reduce((n, q) => n + q.active, 0),
        workers: live.workers,
        jobs_in_flight: live.jobs_held,
        deliveries_pending: waiting.pending,
        deliveries_sending: waiting.sending,
      };
    },
  );
});
