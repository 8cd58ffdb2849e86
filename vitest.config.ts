import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Service tests each open an in-memory PGlite; keep parallelism modest on 2-core machines.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
