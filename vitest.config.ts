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
    // Generous: a file's first test opens its embedded database and runs the migrations, which on a
    // loaded 2-core CI machine has taken over 20 s. Nothing here times performance.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
