import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a plain web app, served from the root of app://token-desk in Electron and of
// 127.0.0.1:<port> by the browser host. Asset URLs are absolute: the page answers deep
// addresses (/tokens/TKN-…), where a relative ./assets/ would point under /tokens/.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
  },
});
