import { defineConfig } from 'vite';

// The renderer is loaded from packaged files (or a custom protocol) in Electron, so every asset URL
// must be relative. No plugins: Vite 8's Oxc transform handles TSX with React's automatic runtime.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    // One script and one stylesheet: the CSP allows 'self' only, and a small app loads faster unsplit.
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
