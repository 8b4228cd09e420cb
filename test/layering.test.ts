import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// Layers point down: app → components → lib. Shared components (components/) never reach up into a
// route, and a route's own components (_components/) take actions only from their route's actions.ts.

const ROOT = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? "",
  );
}

/** Where an import points, relative to the repository ("app/…", "lib/…"), or null for a package. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(ROOT, path.resolve(path.dirname(file), specifier));
  return null;
}

const rel = (file: string) => path.relative(ROOT, file);

it("no file in components/ imports from app/", () => {
  const offending = sourceFiles(path.join(ROOT, "components")).flatMap((file) =>
    imports(file)
      .filter((specifier) => target(file, specifier)?.startsWith("app/"))
      .map((specifier) => `${rel(file)} → ${specifier}`),
  );
  expect(offending).toEqual([]);
});

it("route components import server actions only from their own route's actions.ts", () => {
  const componentDirs = sourceFiles(path.join(ROOT, "app")).filter((file) =>
    file.includes(`${path.sep}_components${path.sep}`),
  );
  const offending = componentDirs.flatMap((file) => {
    const route = file.slice(0, file.indexOf(`${path.sep}_components${path.sep}`));
    return imports(file)
      .filter((specifier) => /(^|\/)actions$/.test(target(file, specifier) ?? ""))
      .filter((specifier) => target(file, specifier) !== rel(path.join(route, "actions")))
      .map((specifier) => `${rel(file)} → ${specifier}`);
  });
  expect(offending).toEqual([]);
});

it("the check sees imports (it would catch one)", () => {
  const file = path.join(ROOT, "components", "example.tsx");
  expect(target(file, "@/app/(dashboard)/keys/actions")).toBe("app/(dashboard)/keys/actions");
  // repo-boundary: import specifier
  expect(target(file, "../app/x")).toBe("app/x");
  const formImports = imports(
    path.join(ROOT, "app", "(dashboard)", "keys", "_components", "create-key-form.tsx"),
  );
  // repo-boundary: import specifier
  expect(formImports).toContain("../actions");
});
