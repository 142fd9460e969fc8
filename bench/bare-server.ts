/**
 * The yardstick: a bare Fastify route on the same machine, no database, no plugins, no logging.
 * Started as a child process by bench/run.ts; prints its port on standard output.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok' }));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ port: new URL(address).port }));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void app.close().then(() => process.exit(0)));
