import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script (it runs before `npm ci`), without type declarations
import { satisfies } from "../scripts/check-node-version.mjs";

const ROOT = path.resolve(__dirname, "..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
const check = satisfies as (version: string, range: string) => boolean;

/**
 * Issue 8, defect 5: `engines` must be true. The code needs zlib.crc32 (Node 20.15 / 22.2); the
 * test toolchain (vitest 4 → vite 7) needs 20.19 or 22.12. CI runs scripts/check-node-version.mjs.
 */
describe("engines.node", () => {
  it("refuses the Node versions that cannot run the code or its tests", () => {
    const range = pkg.engines.node;
    for (const version of ["v20.9.0", "v20.14.0", "v20.18.3", "v21.7.0", "v22.2.0", "v22.11.0", "v18.20.0"])
      expect(check(version, range), version).toBe(false);
    for (const version of ["v20.19.0", "v20.20.2", "v22.12.0", "v24.1.0"])
      expect(check(version, range), version).toBe(true);
  });

  it("is satisfied by the Node running these tests", () => {
    expect(check(process.version, pkg.engines.node)).toBe(true);
  });

  it("agrees with the README's promise", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const promised = [...readme.matchAll(/Node\.js ≥ (\d+\.\d+)(?: \(or ≥ (\d+\.\d+)\))?/g)];
    expect(promised.length).toBeGreaterThan(0);
    for (const [, first, second] of promised) {
      expect(`^${first}.0 || >=${second}.0`).toBe(pkg.engines.node);
    }
  });

  it("reads the comparators it is given, and refuses what it cannot read", () => {
    expect(check("v20.15.0", ">=20.15")).toBe(true);
    expect(check("v20.14.9", ">=20.15")).toBe(false);
    expect(check("v22.1.0", "~22.1.0")).toBe(true);
    expect(check("v22.2.0", ">=20 <22")).toBe(false);
    expect(() => check("v20.0.0", "20.x")).toThrow();
  });
});
