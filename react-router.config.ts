// React Router framework mode: server-rendered pages from src/web, built by Vite into build/
// (build/server/index.js for the Hono app, build/client for static assets).
import type { Config } from '@react-router/dev/config';

export default {
  ssr: true,
  appDirectory: 'src/web',
  buildDirectory: 'build',
} satisfies Config;
