#!/usr/bin/env node
// Fails with one clear line when this Node.js does not satisfy package.json's `engines.node`.
// No dependencies: CI runs it before `npm ci`. Understands what the field uses: `||` alternatives
// of space-separated comparators (>=, >, <=, <, =, ^, ~, bare versions); anything else is refused
// rather than guessed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const parse = (text) => {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`cannot read version "${text}"`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
};
const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function satisfiesComparator(version, comparator) {
  const match = /^(>=|<=|>|<|=|\^|~)?(.+)$/.exec(comparator);
  if (!match) throw new Error(`cannot read comparator "${comparator}"`);
  const [, op = "=", rest] = match;
  const bound = parse(rest);
  const order = compare(version, bound);
  switch (op) {
    case ">=":
      return order >= 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case "<":
      return order < 0;
    case "=":
      return order === 0;
    case "^":
      return order >= 0 && version[0] === bound[0];
    case "~":
      return order >= 0 && version[0] === bound[0] && version[1] === bound[1];
    default:
      throw new Error(`unsupported operator "${op}"`);
  }
}

export function satisfies(versionText, range) {
  const version = parse(versionText);
  return range
    .split("||")
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .some(
      (comparators) => comparators.length > 0 && comparators.every((c) => satisfiesComparator(version, c)),
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const range = pkg.engines?.node;
  if (!range) {
    console.error("package.json has no engines.node");
    process.exit(1);
  }
  if (!satisfies(process.version, range)) {
    console.error(`Node.js ${process.version} does not satisfy engines.node "${range}" in package.json.`);
    process.exit(1);
  }
  console.info(`Node.js ${process.version} satisfies engines.node "${range}"`);
}
