import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

const alias = { '@shared': resolve(__dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      lib: { entry: resolve(__dirname, 'electron/main/index.ts') },
      // Native and font-loading packages stay in node_modules.
      rollupOptions: { external: ['better-sqlite3', 'pdfmake'] },
    },
  },
  preload: {
    resolve: { alias },
    // Sandboxed preloads must be one self-contained CommonJS file.
    build: { outDir: 'out/preload', lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [vue()],
    // vue-i18n's compile-time flags: Composition API only, no devtools hooks in production.
    define: {
      __VUE_I18N_FULL_INSTALL__: true,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    // Relative asset URLs so the same build loads from file:// (Electron) and from the LAN server.
    base: './',
    build: { outDir: resolve(__dirname, 'out/renderer'), minify: true, rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
  },
});
