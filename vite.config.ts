import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { antdStaticStyles } from './src/app/antd-styles/vite-plugin-antd-styles.js';

// The web app ("lite mode") served by the hub. Its entry is src/app/index.html; the build lands in
// dist/app, which the hub serves as static files. antdStaticStyles() adds antd's styles, extracted
// at build time, so the first render does not generate them (src/app/antd-styles).
export default defineConfig({
  root: fileURLToPath(new URL('./src/app', import.meta.url)),
  base: './',
  plugins: [react(), antdStaticStyles()],
  build: {
    outDir: fileURLToPath(new URL('./dist/app', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
