import { describe, expect, it } from "vitest";
import { generateKeyId, isKeyId } from "./key-id";

describe("key ids", () => {
  it("are key_ and 24 base62 characters, and unique", () => {
    const ids = Array.from({ length: 500 }, generateKeyId);
    for (const id of ids) {
      expect(id).toMatch(/^key_[0-9A-Za-z]{24}$/);
      expect(isKeyId(id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("rejects anything else", () => {
    const valid = generateKeyId();
    for (const bad of [
      "",
      valid.slice(0, -1),
      `${valid}x`,
      valid.replace("key_", "kez_"),
      `${valid.slice(0, -1)}-`,
      ` ${valid}`,
      `${valid}\n`,
      valid.toUpperCase(),
      null,
      42,
    ]) {
      expect(isKeyId(bad)).toBe(false);
    }
  });
});
