import { createRequire } from "node:module";

/**
 * `server-only` throws unless it is resolved under React's `react-server` condition, which only
 * Next's bundler sets. The custom server and CLI scripts run the same server modules directly in
 * Node, where being on the server is a given, so the marker is pre-seeded as an empty module.
 * Import this first, before any module that imports `server-only`.
 */
const require = createRequire(import.meta.url);
const markerPath = require.resolve("server-only");
if (!require.cache[markerPath]) {
  const module = new (require("node:module") as typeof import("node:module")).Module(markerPath);
  module.loaded = true;
  module.exports = {};
  require.cache[markerPath] = module;
}
