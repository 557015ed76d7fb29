import Type from 'typebox';
import type { Context } from '../../../context.js';
import { commonErrors } from '../../errors.js';
import type { App } from '../../types.js';

const Day = Type.Object({
  day: Type.String({ description: 'UTC date, YYYY-MM-DD' }),
  credits_used: Type.Integer({ description: 'Debits, less the refunds of that day' }),
  debited: Type.Integer(),
  refunded: Type.Integer(),
  granted: Type.Integer(),
});

/** Credits used per day, from the ledger (every debit, refund and grant is a row of it). */
export function getUsageRoute(app: App, ctx: Context): void {
  app.get(
    '/account/usage',
    {
      schema: {
        tags: ['account'],
        summary: 'Credits used per day over the last days (from the ledger)',
        security: [{ apiKey: [] }],
        querystring: Type.Object({ days: Type.Integer({ minimum: 1, maximum: 366, default: 30 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ days: Type.Integer(), credits_used: Type.Integer(), credits_remaining: Type.Integer(), daily: Type.Array(Day) }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const accountId = (request.principal as NonNullable<typeof request.principal>).accountId;
      const { days } = request.query;
      const { rows } = await ctx.db.query<{ day: string; debited: number; refunded: number; granted: number }>(
        `select to_char(date_trunc('day', created_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
                coalesce(-sum(amount) filter (where kind = 'debit'), 0)::int8 as debited,
                coalesce(sum(amount) filter (where kind = 'refund'), 0)::int8 as refunded,
                coalesce(sum(amount) filter (where kind = 'grant'), 0)::int8 as granted
         from ledger where account_id = $1 and created_at >= now() - make_interval(days => $2)
         group by 1 order by 1`,
        [accountId, days],
      );
      const { rows: balance } = await ctx.db.query<{ balance: number }>('select balance from accounts where id = $1', [accountId]);
      const daily = rows.map((r) => ({ ...r, credits_used: r.debited - r.refunded }));
      return {
        days,
        credits_used: daily.reduce((sum, d) => sum + d.credits_used, 0),
        credits_remaining: balance[0]?.balance ?? 0,
        daily,
      };
    },
  );
}
