import Type from 'typebox';
import { balanceOf, usageByDay } from '../../../accounts/credits.js';
import { routes } from '../../route-plugin.js';

const Day = Type.Object({
  day: Type.String({ description: 'UTC date, YYYY-MM-DD' }),
  credits_used: Type.Integer({ description: 'Debits, less the refunds of that day' }),
  debited: Type.Integer(),
  refunded: Type.Integer(),
  granted: Type.Integer(),
});

/** Credits used per day, from the ledger (every debit, refund and grant is a row of it). */
export default routes((app, { ctx }) => {
  app.get(
    '/account/usage',
    {
      schema: {
        operationId: 'getAccountUsage',
        tags: ['account'],
        summary: 'Credits used per day over the last days (from the ledger)',
        querystring: Type.Object(
          { days: Type.Integer({ minimum: 1, maximum: 366, default: 30 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            days: Type.Integer(),
            credits_used: Type.Integer(),
            credits_remaining: Type.Integer(),
            daily: Type.Array(Day),
          }),
        },
      },
    },
    async (request) => {
      const accountId = (request.principal as NonNullable<typeof request.principal>).accountId;
      const { days } = request.query;
      const [rows, balance] = await Promise.all([usageByDay(ctx.db, accountId, days), balanceOf(ctx.db, accountId)]);
      const daily = rows.map((r) => ({ ...r, credits_used: r.debited - r.refunded }));
      return {
        days,
        credits_used: daily.reduce((sum, d) => sum + d.credits_used, 0),
        credits_remaining: balance,
        daily,
      };
    },
  );
});
