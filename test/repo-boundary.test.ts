import path from "node:path";
import { describe, expect, it } from "vitest";
import { findEscapes, findRepositoryEscapes } from "./repo-boundary";

const ROOT = path.resolve(__dirname, "..");
const at = (relative: string) => path.join(ROOT, relative);
/**
 * The sibling folder the fixtures below pretend to read. They are text handed to the detector, never
 * read; the name is spliced in so that no line of this file is itself a path out of the tree.
 */
const SIBLING = ["sha", "red"].join("");

describe("nothing in the project reads outside its own tree", () => {
  it("holds for every source file, test, script and CI file", () => {
    expect(findRepositoryEscapes(ROOT)).toEqual([]);
  });

  it("catches the ways a file can climb out", () => {
    const cases = [
      [at("lib/jwt/x.test.ts"), `readFileSync("../../../${SIBLING}/seeds/000.md")`],
      // fs resolves from the working directory, the repository root, whatever the file's folder.
      [at("lib/jwt/x.test.ts"), `readFileSync("../${SIBLING}/seeds/000.md")`],
      [at("lib/jwt/x.test.ts"), `new URL("../../../${SIBLING}/vectors.json", import.meta.url)`],
      [at("test/x.ts"), `const dir = path.resolve(__dirname, "..", "..", "${SIBLING}");`],
      [at("test/x.ts"), `path.join(process.cwd(), "..", "${SIBLING}")`],
      [at("scripts/x.sh"), `cat "${path.dirname(ROOT)}/${SIBLING}/SPEC.md"`],
    ] as const;
    for (const [file, text] of cases) expect(findEscapes(ROOT, file, text), text).toHaveLength(1);
  });

  it("lets paths inside the tree and system paths through", () => {
    const cases = [
      [at("lib/jwt/x.test.ts"), `new URL("../../test/fixtures/wycheproof/x.json", import.meta.url)`],
      [at("test/server/harness.ts"), `const ROOT = path.resolve(__dirname, "..", "..");`],
      [at("app/x.ts"), `import { y } from "../lib/y";`],
      // A side-effect import after other code: its specifier resolves from the file, like any import.
      [at("scripts/x.ts"), `/** A comment. */\nimport "../lib/server/allow-server-only";`],
      [at("scripts/x.sh"), `"\${CHROMIUM_PATH:-/usr/bin/chromium}"`],
    ] as const;
    for (const [file, text] of cases) expect(findEscapes(ROOT, file, text), text).toEqual([]);
  });
});
