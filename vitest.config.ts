import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React Server Components; tests import the same modules.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,db,app,test,components}/**/*.test.{ts,tsx}"],
    // test/server starts real server.ts processes against a production build: `npm run test:server`.
    exclude: [...configDefaults.exclude, "test/server/**"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup-env.ts"],
    // Generous: on a loaded 2-core machine a first scrypt + PGlite start can take tens of seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
