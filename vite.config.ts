// Vite builds the pages (src/web) through the React Router plugin; the Hono server is not bundled.
import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // Pre-bundle Mantine for the dev server so the first page load does not trigger a reload.
  optimizeDeps: { include: ['@mantine/core', '@mantine/hooks'] },
});
