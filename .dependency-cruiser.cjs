/**
 * Import rules, checked by `npm run lint` (dependency-cruiser). Two kinds:
 *
 * 1. No file takes part in an import cycle (`no-circular`).
 * 2. The layers: each part of the code names the parts it may import (LAYERS). The table itself
 *    must be acyclic — this file refuses to load otherwise — so no two folders can ever import each
 *    other, directly or through others (lib/api → lib/dal → lib/api through different files too).
 *    Tests are left out: they may reach any layer.
 *
 * Bottom to top: errors; pure domain (ip, keys, jwt, crypto, ratelimit, usage) and env/log; schemas;
 * transport primitives (http); db and the DAL; auth; verification; the route wrappers (api),
 * server actions (actions), OpenAPI; the server's wiring; then components and app.
 */

/** Each part, with the parts it may import directly (besides its own files and npm packages). */
const LAYERS = {
  "lib/errors": [],
  "lib/async": [],
  "lib/ip": [],
  "lib/crypto": [],
  "lib/ratelimit": ["lib/async"],
  "lib/usage": [],
  "lib/csv": [],
  "lib/keys": [],
  "lib/jwt": ["lib/async", "lib/keys"],
  "lib/ids": ["lib/keys"],
  "lib/env": ["lib/ip", "lib/ratelimit"],
  "lib/log": ["lib/env"],
  "lib/mail": ["lib/env"],
  "lib/schemas": ["lib/errors", "lib/ip", "lib/keys", "lib/ratelimit"],
  "lib/exports": ["lib/csv", "lib/schemas"],
  "lib/http": ["lib/async", "lib/errors", "lib/log", "lib/crypto"],
  "lib/metrics": ["lib/http", "lib/errors"],
  "lib/stores": ["lib/env", "lib/log", "lib/ratelimit"],
  db: ["lib/env", "lib/log"],
  "lib/dal": [
    "db",
    "lib/errors",
    "lib/schemas",
    "lib/crypto",
    "lib/env",
    "lib/ids",
    "lib/keys",
    "lib/ip",
    "lib/usage",
    "lib/log",
    "lib/ratelimit",
  ],
  "lib/auth": [
    "lib/dal",
    "db",
    "lib/errors",
    "lib/http",
    "lib/schemas",
    "lib/env",
    "lib/log",
    "lib/ratelimit",
    "lib/stores",
    "lib/crypto",
  ],
  // The verification path: pure checks (SPEC §3) below the runtime wiring (cache, database, stores,
  // usage) below the transport (whoami and verify as HTTP).
  "lib/http/bearer": [],
  "lib/verify/core": [
    "lib/async",
    "lib/errors",
    "lib/http/bearer",
    "lib/ip",
    "lib/jwt",
    "lib/keys",
    "lib/ratelimit",
    "lib/crypto",
  ],
  "lib/verify/runtime": [
    "lib/async",
    "lib/verify/core",
    "lib/dal",
    "db",
    "lib/errors",
    "lib/env",
    "lib/log",
    "lib/jwt",
    "lib/ip",
    "lib/keys",
    "lib/metrics",
    "lib/ratelimit",
    "lib/stores",
    "lib/usage",
    "lib/schemas",
  ],
  "lib/verify/http": [
    "lib/async",
    "lib/verify/core",
    "lib/verify/runtime",
    "lib/http",
    "lib/errors",
    "lib/schemas",
  ],
  // Webhook delivery: the DAL's queue, signing, the guarded HTTP sender, the loop.
  "lib/webhooks": ["lib/dal", "lib/crypto", "lib/env", "lib/log", "lib/errors", "lib/schemas"],
  // Invitations as a service: the DAL's change, then the email (or the link, once).
  "lib/members": ["lib/dal", "lib/mail", "lib/env", "lib/errors", "lib/log", "lib/schemas"],
  "lib/api": [
    "lib/auth",
    "lib/dal",
    "db",
    "lib/errors",
    "lib/exports",
    "lib/http",
    "lib/schemas",
    "lib/env",
    "lib/log",
  ],
  // The daily retention run: its schedule, and the DAL's deletes.
  "lib/retention": ["lib/dal", "db", "lib/env", "lib/log"],
  "lib/actions": ["lib/auth", "lib/dal", "lib/errors", "lib/schemas", "lib/log"],
  "lib/openapi": ["lib/schemas", "lib/errors"],
  "lib/server": [
    "lib/verify/runtime",
    "lib/metrics",
    "lib/http",
    "lib/errors",
    "lib/ip",
    "lib/stores",
    "lib/env",
    "lib/log",
    "db",
  ],
  components: ["lib/actions", "lib/errors", "lib/schemas", "lib/keys", "lib/ip"],
  app: [
    "components",
    "lib/actions",
    "lib/members",
    "lib/api",
    "lib/auth",
    "lib/dal",
    "lib/verify/core",
    "lib/verify/runtime",
    "lib/verify/http",
    "lib/openapi",
    "lib/server",
    "lib/metrics",
    "lib/http",
    "lib/errors",
    "lib/schemas",
    "lib/keys",
    "lib/ip",
    "lib/env",
    "lib/log",
    "lib/stores",
    "db",
  ],
};

function assertAcyclic(layers) {
  const state = {};
  const visit = (part, trail) => {
    if (state[part] === "done") return;
    if (state[part] === "visiting") throw new Error(`LAYERS has a cycle: ${[...trail, part].join(" → ")}`);
    if (!(part in layers)) throw new Error(`LAYERS names an unknown part: ${part}`);
    state[part] = "visiting";
    for (const below of layers[part]) visit(below, [...trail, part]);
    state[part] = "done";
  };
  for (const part of Object.keys(layers)) visit(part, []);
}
assertAcyclic(LAYERS);

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A part is a folder (lib/dal/…) or a single file (lib/env.ts). */
const pathOf = (part) => `^${escapeRegExp(part)}(/|\\.tsx?$)`;

const layerRules = Object.entries(LAYERS).map(([part, allowed]) => ({
  name: `layer:${part}`,
  comment: `${part} may import only ${allowed.length ? allowed.join(", ") : "npm packages"} (see LAYERS).`,
  severity: "error",
  from: { path: pathOf(part) },
  to: {
    path: "^(lib|db|components|app)/",
    pathNot: [part, ...allowed].map(pathOf),
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A file may not import itself through others: split the shared part into a lower layer.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-cycles",
      comment: "No two lib/ folders may import each other, through whatever files.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      // "lib" itself stands for everything under it in depcruise's folder graph, so db (which reads
      // lib/env.ts) and any lib/ folder would seem to form a cycle through it; LAYERS covers that.
      to: { circular: true, viaNot: "^lib$" },
    },
    ...layerRules,
    {
      name: "components-not-from-app",
      comment: "Shared components never reach up into a route.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: {
      path: "(^|/)(node_modules|\\.next|test|e2e|scripts)/|\\.test\\.tsx?$|^lib/ratelimit/describe-",
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
