/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The studio is served by EscalationFlows.Server from its wwwroot (see designer.targets).
// vite.mock.config.ts (npm run dev:mock / preview:mock) adds an in-memory stand-in for /api instead of the server.
// `npm run dev` proxies the API to a locally running server; STUDIO_API_URL overrides where that is.
const apiTarget = process.env.STUDIO_API_URL ?? 'http://127.0.0.1:5000';

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  build: {
    outDir: '../src/EscalationFlows.Server/wwwroot',
    emptyOutDir: true,
    sourcemap: false,
    // elkjs ships as one 1.46 MB module; it is imported only when "Auto layout" is pressed (lib/layout.ts).
    // Every chunk on a page's load path stays far below 500 kB.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // React and React Flow change rarely: keep them in their own long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'xyflow', test: /node_modules[\\/](@xyflow|d3-[a-z]+|classcat|zustand)[\\/]/ },
          ],
        },
      },
    },
  },
  server: mode === 'mock' ? {} : { proxy: { '/api': apiTarget, '/openapi': apiTarget } },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
}));
