import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm --filter @formboard/studio dev` proxies the API to a server on :3000 (`pnpm start`);
// `vite build` writes dist/, which `formboard serve` serves.
export default defineConfig({
  plugins: [react()],
  // echarts (board pages only, loaded when first opened) is one ~600 KB chunk; the first page is ~90 KB gzipped.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
