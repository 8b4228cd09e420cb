import { describe, expect, it } from "vitest";
import { MAX_METADATA_BYTES, metadataSchema } from "./metadata";

function messageOf(value: unknown): string | undefined {
  const result = metadataSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("metadataSchema", () => {
  it("accepts JSON objects", () => {
    const value = { plan: "pro", seats: 5, tags: ["a", null, true], nested: { region: "eu" } };
    expect(metadataSchema.parse(value)).toEqual(value);
    expect(metadataSchema.parse({})).toEqual({});
  });

  it("refuses non-objects", () => {
    for (const value of [null, [], [1], "x", 3, true, undefined]) {
      expect(messageOf(value)).toBe("Metadata must be a JSON object");
    }
  });

  it("refuses values JSON cannot represent", () => {
    expect(messageOf({ n: 10n })).toBe("Metadata must contain only JSON values");
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(messageOf(circular)).toBe("Metadata must contain only JSON values");
    expect(metadataSchema.safeParse({ at: new Date() }).success).toBe(false);
    expect(metadataSchema.safeParse({ n: Number.NaN }).success).toBe(false);
    expect(metadataSchema.safeParse({ f: () => 1 }).success).toBe(false);
  });

  it("caps the UTF-8 size of the JSON at 4096 bytes", () => {
    const overhead = JSON.stringify({ k: "" }).length;
    const exact = { k: "x".repeat(MAX_METADATA_BYTES - overhead) };
    expect(metadataSchema.safeParse(exact).success).toBe(true);
    expect(messageOf({ k: "x".repeat(MAX_METADATA_BYTES - overhead + 1) })).toBe(
      "Metadata must be at most 4096 bytes as JSON (UTF-8); this is 4097 bytes",
    );
    // "é" is one UTF-16 unit but two UTF-8 bytes: the cap counts bytes.
    const accented = { k: "é".repeat(Math.ceil((MAX_METADATA_BYTES - overhead) / 2) + 1) };
    expect(JSON.stringify(accented).length).toBeLessThan(MAX_METADATA_BYTES);
    expect(messageOf(accented)).toMatch(/at most 4096 bytes/);
  });

  it("refuses deep nesting instead of overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 2000; i++) deep = [deep];
    expect(messageOf({ deep })).toBe("Metadata must nest at most 16 levels deep");
    let ok: unknown = 1;
    for (let i = 0; i < 16; i++) ok = { a: ok };
    expect(metadataSchema.safeParse(ok).success).toBe(true);
    expect(metadataSchema.safeParse({ a: ok }).success).toBe(false);
  });

  it("never lets a __proto__ key reach the prototype", () => {
    const parsed = metadataSchema.parse(JSON.parse('{"__proto__": {"polluted": 1}, "x": 1}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect((parsed as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
