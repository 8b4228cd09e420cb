import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Suites that start the real server.ts (production build) as child processes: the socket fast
 * path, server timeouts, body caps, signals, several instances. `npm run test:server` after
 * `npm run build`; test-all.sh runs them on PGlite and on PostgreSQL + Redis.
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["test/server/**/*.test.ts"],
    globalSetup: ["./test/server/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Each file starts its own servers; two cores cannot run several at once without skewing them.
    fileParallelism: false,
  },
});
