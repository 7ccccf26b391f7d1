import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Production policy for the renderer. Scripts only from our own bundle (no inline, no eval);
 * React style props go through the CSSOM, which CSP does not block, so style-src stays 'self'.
 * The hosts (app:// protocol, `packdesk serve`) may send a header too; browsers apply both.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Dev needs inline scripts for fast refresh, so the policy is injected into the built page only. */
const cspMeta = (): Plugin => ({
  name: 'packdesk-csp',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  },
});

export default defineConfig({
  root: 'src-renderer',
  // Relative URLs so the same build loads under Electron's app:// protocol and `packdesk serve` at /.
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The polyfill would be inlined into index.html; every browser we target supports modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `vite` in dev talks to a running `packdesk serve` on its default port.
    proxy: { '/api/events': { target: 'ws://127.0.0.1:4780', ws: true }, '/api': 'http://127.0.0.1:4780' },
  },
});
