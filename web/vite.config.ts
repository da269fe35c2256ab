/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the shop on :5173 and sends the API's paths to a demo on :8080.
export default defineConfig({
  plugins: [react()],
  // built straight into the jar's static/ folder, which the API node serves at /
  build: { outDir: 'target/classes/static', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    reporters: ['default', 'junit'],
    outputFile: { junit: 'target/surefire-reports/TEST-web-vitest.xml' },
  },
});
