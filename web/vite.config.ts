import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    // The server serves this folder and builds it on first start, so the path must not depend on the cwd.
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Village PCs often run old Chromium-based browsers; stay a step behind the newest syntax.
    target: 'es2020',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3100' },
  },
});
