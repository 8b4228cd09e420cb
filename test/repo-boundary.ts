import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Nothing in the project may read outside its own tree (issue 8): a test that reads `../shared`
 * passes in one workspace and fails on every plain clone. This finds, in source files:
 * - relative paths in string literals that climb above the repository root (`../../shared/x`);
 * - `path.join/resolve(__dirname | import.meta.dirname | process.cwd(), "..", …)` that climb above it;
 * - absolute paths into the directories that contain the repository.
 */
export type Escape = { file: string; line: number; text: string };

const SKIP_DIRS = new Set([
  "node_modules",
  ".git",
  ".next",
  ".data",
  "test-results",
  "playwright-report",
  "coverage",
  "fixtures",
]);
const SOURCE = /\.(?:[cm]?[jt]sx?|json|css|sh|ya?ml)$|^\.ci$/;

export function sourceFiles(root: string, dir = root): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP_DIRS.has(entry) || entry === "package-lock.json") continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...sourceFiles(root, full));
    else if (SOURCE.test(entry) || path.basename(dir) === ".ci") files.push(full);
  }
  return files;
}

const MODULE_CONTEXT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+|@config\s+|new URL\(\s*)$/;
const LITERAL = /(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;
const PATH_CALL =
  /path\.(?:join|resolve)\(\s*(__dirname|import\.meta\.dirname|process\.cwd\(\))((?:\s*,\s*["']\.\.["'])+)/g;

const SPECIFIER_MARK = "repo-boundary: import specifier";

function escapes(root: string, from: string, relative: string): boolean {
  const resolved = path.resolve(from, relative);
  return resolved !== root && !resolved.startsWith(root + path.sep);
}

export function findEscapes(root: string, file: string, text: string): Escape[] {
  const found: Escape[] = [];
  const dir = path.dirname(file);
  const parents: string[] = [];
  for (let up = path.dirname(root); up !== path.dirname(up); up = path.dirname(up)) parents.push(up);
  const lines = text.split("\n");
  lines.forEach((lineText, index) => {
    // An import specifier written as data (a test of an import check), not a path anything reads.
    if (lineText.includes(SPECIFIER_MARK) || (lines[index - 1] ?? "").includes(SPECIFIER_MARK)) return;
    const report = () =>
      found.push({ file: path.relative(root, file), line: index + 1, text: lineText.trim() });
    for (const match of lineText.matchAll(LITERAL)) {
      const literal = match[2];
      if (literal === undefined) continue;
      const candidate = literal.replace(/^file:\/\//, "");
      if (/(^|[\s=:(])\.\.\//.test(` ${candidate}`)) {
        const relative = candidate.slice(candidate.indexOf("../")).split(/[\s"'`]/)[0]!;
        // Module specifiers resolve from the file; fs paths from the working directory (the root).
        // (The keyword may end the line before: `from\n  "x"`.)
        const prefix = lineText.slice(0, match.index);
        const isModule =
          MODULE_CONTEXT.test(prefix) || MODULE_CONTEXT.test(`${lines[index - 1] ?? ""} ${prefix}`);
        if (escapes(root, dir, relative) || (!isModule && escapes(root, root, relative))) report();
      } else if (
        candidate.startsWith("/") &&
        !candidate.startsWith(root) &&
        parents.some((parent) => parent !== "/" && candidate.startsWith(`${parent}/`))
      ) {
        report();
      }
    }
    for (const [, base, ups] of lineText.matchAll(PATH_CALL)) {
      const climbs = (ups?.match(/\.\./g) ?? []).length;
      const from = base === "process.cwd()" ? root : dir;
      if (escapes(root, from, Array(climbs).fill("..").join("/"))) report();
    }
  });
  return found;
}

/** This guard's own files hold examples of what it refuses. */
const SELF = /[/\\]test[/\\]repo-boundary(?:\.test)?\.ts$/;

export function findRepositoryEscapes(root: string): Escape[] {
  return sourceFiles(root)
    .filter((file) => !SELF.test(file))
    .flatMap((file) => findEscapes(root, file, readFileSync(file, "utf8")));
}
