/// <reference types="vitest" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The local host serves dist/ at "/"; in development `npm run dev` proxies the API to it.
const api = ['/admin', '/offers', '/validate', '/redemptions', '/analytics', '/dev', '/config.json'];
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { proxy: Object.fromEntries(api.map((p) => [p, 'http://localhost:5080'])) },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
