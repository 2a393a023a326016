import { defineConfig } from 'vite';

// Built with `npm run build:web` (vite build src/web): the root is this folder, the output src/web/dist,
// served by `reckon serve` under /app/. JSX goes through Vite's own Oxc transform (automatic runtime).
export default defineConfig({
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Browsers of the last few years; no legacy polyfills.
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npx vite src/web` during development: the API comes from `reckon serve` on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
