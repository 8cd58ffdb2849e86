// The web app (React + Ant Design + ECharts), built into web/dist and served by the Fastify server
// (src/http/routes/pages.ts). `npm run build:web` builds it; `npm start` builds it before starting the server.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      // The API's Zod schemas and the pure domain vocabulary are shared with the server, never copied.
      '@contracts': here('../src/contracts'),
      '@domain': here('../src/domain'),
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // The first screen loads only React, the router and the shell; each page (and ECharts, ExcelJS) is its own
    // chunk fetched on navigation (React.lazy in src/routes.tsx).
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
