// Adds lockfile entries for other platforms' optional binaries (biome, next/swc, tailwind oxide)
// that `npm install` leaves out when the registry it talks to does not serve them. Without these
// entries `npm ci` refuses the lockfile ("Missing: … from lock file") on every machine. Each entry
// carries os/cpu/libc from the package name, so npm skips it except on that platform, where it is
// fetched from the registry as usual. Run after `npm install` changes the lockfile:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "arm", "ia32", "wasm32", "ppc64", "s390x", "riscv64", "loong64"];

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t));
  if (!cpu) return null;
  const entry = { cpu: [cpu] };
  if (os) entry.os = [os];
  if (os === "linux") entry.libc = [tokens.includes("musl") ? "musl" : "glibc"];
  return entry;
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const added = [];
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [dep, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = path === "" ? "" : `${path}/`;
    if (lock.packages[`${base}node_modules/${dep}`] || lock.packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    lock.packages[`node_modules/${dep}`] = {
      version: range,
      ...platform,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
    };
    added.push(`${dep}@${range}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.info(
  added.length
    ? `added ${added.length} platform entries:\n  ${added.join("\n  ")}`
    : "lockfile already complete",
);
