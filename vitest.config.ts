import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(__dirname, 'shared') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    // Renderer tests opt into happy-dom per file with `// @vitest-environment happy-dom`.
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
