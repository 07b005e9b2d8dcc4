import { createServer } from 'node:http';
import next from 'next';
import { stampPeerAddress } from '../server/auth/peer-address';
import { componentLogger } from '../server/log';
import { serveTrpcOverNode, TRPC_PATH } from '../server/trpc/serve-node';
import { builtTrpcRoute } from './built-trpc-route';

// The web server `npm start` runs: Next's request handler behind a plain Node server, so that every request
// carries the socket's address in a header no client can set (server/auth/client-ip.ts reads it).
// Usage: tsx scripts/serve-web.ts --port 3000 [--dev] [--quiet]. NODE_ENV is set by the parent
// (scripts/start.ts), which passes --quiet: its own banner says where Cairn listens.
const dev = process.argv.includes('--dev');
const quiet = process.argv.includes('--quiet');
const portFlag = process.argv.indexOf('--port');
const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : 3000);

const app = next({ dev, port });
const handle = app.getRequestHandler();
await app.prepare();

// In production, tRPC calls are answered here before Next (server/trpc/serve-node.ts says why), by the route
// Next built; `next dev` keeps them on its route so routers reload as they are edited.
const trpc = dev ? null : await builtTrpcRoute();

const server = createServer((req, res) => {
  stampPeerAddress(req);
  if (trpc && req.url?.startsWith(TRPC_PATH)) void serveTrpcOverNode(trpc, req, res);
  else void handle(req, res);
});
const log = componentLogger('web');
server.listen(port, () => log[quiet ? 'debug' : 'info']({ port, dev }, 'web server listening'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
