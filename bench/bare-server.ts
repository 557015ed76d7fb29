// The baselines for HTTP benchmarks: a bare Fastify server answering POST /api/v1/validate with
//  - BARE_MODE=fixed (default): a fixed JSON body (BARE_BODY), whatever the request;
//  - BARE_MODE=library: google-libphonenumber's parse, isValidNumber and getNumberType on the posted
//    `{phone, country?}`, answered as a small JSON object (what a minimal validation route costs).
import Fastify from 'fastify';
import lib from 'google-libphonenumber';

const body = process.env.BARE_BODY ?? '{"ok":true}';
const util = lib.PhoneNumberUtil.getInstance();
const PNF = lib.PhoneNumberFormat;
const app = Fastify();
if (process.env.BARE_MODE === 'library') {
  app.post<{ Body: { phone: string; country?: string } }>('/api/v1/validate', async (request) => {
    try {
      const n = util.parse(request.body.phone, request.body.country ?? 'ZZ');
      const valid = util.isValidNumber(n);
      return { valid, type: valid ? util.getNumberType(n) : null, e164: util.format(n, PNF.E164) };
    } catch {
      return { valid: false, type: null, e164: null };
    }
  });
} else {
  app.post('/api/v1/validate', async (_request, reply) => reply.type('application/json').send(body));
}
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
