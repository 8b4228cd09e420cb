import { describe, expect, it } from "vitest";
import {
  allowlistEntries,
  allowlistProblems,
  allowlistTooLong,
  expiryFrom,
  expiryProblem,
  metadataProblem,
  scopeProblem,
} from "./field-helpers";

const NOW = Date.parse("2026-06-15T12:00:00Z");

describe("allowlist validation as you type", () => {
  it("names the line and entry of each bad entry and skips blank lines", () => {
    const problems = allowlistProblems("10.0.0.0/8\n\n10.0.0.1/8\nnot-an-ip\n2001:db8::/32");
    expect(problems.map((p) => [p.line, p.entry])).toEqual([
      [3, "10.0.0.1/8"],
      [4, "not-an-ip"],
    ]);
    expect(problems[0]?.message).toContain("10.0.0.0/8");
  });

  it("trims entries and counts them against the limit", () => {
    expect(allowlistEntries("  10.0.0.0/8 \n\n::1\n")).toEqual(["10.0.0.0/8", "::1"]);
    expect(allowlistTooLong(Array.from({ length: 101 }, (_, i) => `10.0.0.${i % 250}`).join("\n"))).toMatch(
      /At most 100/,
    );
  });
});

describe("metadata validation", () => {
  it("accepts empty text and JSON objects", () => {
    expect(metadataProblem("")).toBeNull();
    expect(metadataProblem('{"customer": "acme"}')).toBeNull();
  });

  it("refuses broken JSON, non-objects, over 4 KiB and deep nesting", () => {
    expect(metadataProblem('{"a":')).toBe("Not valid JSON.");
    expect(metadataProblem("[1, 2]")).toMatch(/JSON object/);
    expect(metadataProblem("null")).toMatch(/JSON object/);
    expect(metadataProblem(JSON.stringify({ big: "x".repeat(5000) }))).toMatch(/4 KiB/);
    expect(metadataProblem(`${'{"a":'.repeat(17)}1${"}".repeat(17)}`)).toMatch(/16 levels/);
  });
});

describe("expiry", () => {
  it("turns presets into instants and a custom date into the end of that day, UTC", () => {
    expect(expiryFrom("never", "", NOW)).toBeNull();
    expect(expiryFrom("7", "", NOW)).toBe("2026-06-22T12:00:00.000Z");
    expect(expiryFrom("custom", "2026-07-01", NOW)).toBe("2026-07-01T23:59:59.000Z");
  });

  it("asks for a future date", () => {
    expect(expiryProblem("30", "", NOW)).toBeNull();
    expect(expiryProblem("custom", "", NOW)).toBe("Pick a date.");
    expect(expiryProblem("custom", "2026-06-14", NOW)).toMatch(/future/);
    expect(expiryProblem("custom", "2026-06-15", NOW)).toBeNull();
  });
});

it("scopes are two lowercase words", () => {
  expect(scopeProblem("orders:write")).toBeNull();
  expect(scopeProblem("Orders:Write")).toMatch(/two lowercase words/);
});
