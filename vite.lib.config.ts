import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The plugin as a library (`import … from 'codex-chat'`): src/index.ts as one ES module in dist/lib.
// Every bare import (react, antd, zustand, …) stays an import, resolved by the host from its own
// node_modules (peers) or ours (dependencies); only CSS is bundled, into dist/lib/style.css
// (`import 'codex-chat/style.css'`).
const isBareImport = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.endsWith('.css');

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/lib', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: 'index',
      cssFileName: 'style',
    },
    rollupOptions: { external: isBareImport },
  },
});
