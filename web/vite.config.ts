/** Vite build of the web app: root is web/, output web/dist (served by the Fastify app). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // `@common/…` is the code shared with the server (../common), as in tsconfig.json's paths.
  resolve: { alias: { '@common': fileURLToPath(new URL('../common', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
