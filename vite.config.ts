import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.ts';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

// The server serves dist/web; in development Vite proxies the API to a running server.
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Pages are split by route (src/web/app/router.tsx); the largest chunk is the needs board's map.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // antd's rc-component packages are plain modules but do not say so ("sideEffects": false):
        // without this, one import from a package (antd's form context imports FormProvider)
        // keeps all of it (the form engine and its validator) in every page.
        moduleSideEffects: (id) => (/[\\/]node_modules[\\/]@rc-component[\\/]/.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          // What the main script imports is loaded by every page: one file, not the 20-odd that
          // the automatic split made of it (shared with pages in different combinations). Fewer
          // requests on a phone (six at a time over HTTP/1.1) and a better compression.
          groups: [{ name: 'start', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    // Only server paths: the web app has its own src/web/api/ folder that Vite must serve.
    proxy: { '^/(api/(v1|health|docs|openapi)|open311)': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
