// Development server: the same Hono app, with pages compiled on the fly by Vite (middleware mode,
// hot reload over the same port). Usage: node src/server/dev.ts  (HOST/PORT from the configuration)
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { ServerBuild } from 'react-router';
import { createServer as createViteServer } from 'vite';
import { config as loadConfig } from '../config.ts';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger(config);
const httpServer = createServer();
const vite = await createViteServer({
  server: { middlewareMode: true, hmr: { server: httpServer } },
  appType: 'custom',
});
const app = createApp({
  config,
  logger,
  pagesMode: 'development',
  clientDir: '/nonexistent', // Vite serves the client modules and CSS itself
  build: () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
});
const honoListener = getRequestListener(app.fetch);
httpServer.on('request', (req, res) => {
  vite.middlewares(req, res, () => void honoListener(req, res));
});
httpServer.listen(config.PORT, config.HOST, () => {
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'dev server listening');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    httpServer.close();
    void vite.close().then(() => process.exit(0));
  });
}
