// The baseline for HTTP benchmarks: a bare Fastify server answering a fixed JSON body to any POST.
import Fastify from 'fastify';

const body = process.env.BARE_BODY ?? '{"ok":true}';
const app = Fastify();
app.post('/api/v1/validate', async (_request, reply) => reply.type('application/json').send(body));
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
