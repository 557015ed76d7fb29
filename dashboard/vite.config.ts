// Builds the dashboard into dist/dashboard, served by Sieve at /dashboard (src/http/dashboard.ts).
// Run from the repository: `vite build dashboard` (the `prepare` script, so `npm ci` builds it).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/dashboard/',
  plugins: [react()],
  build: {
    outDir: '../dist/dashboard',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/admin': 'http://127.0.0.1:8080' } },
});
