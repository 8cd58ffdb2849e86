// `npm start`: the server with the process environment (see start-server.ts), closed cleanly on SIGINT / SIGTERM.
import { startServer } from './start-server.ts';

const server = await startServer({ env: process.env });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
