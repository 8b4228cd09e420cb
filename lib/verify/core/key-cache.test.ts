import { describe, expect, it } from "vitest";
import { fakeVerifiableKey } from "@/test/verifiable-key";
import { KeyCache, type KeySource } from "./key-cache";
import type { VerifiableKey } from "./types";

function key(id: string, tenantId = "ten_real"): VerifiableKey {
  return fakeVerifiableKey({ id, tenantId, name: id });
}

/** A database of two keys and one tenant with a secret, counting every query. */
function source() {
  const queries: string[] = [];
  const rows: Record<string, VerifiableKey> = { "hash-a": key("key_a"), "hash-b": key("key_b") };
  const db: KeySource = {
    bySecret: async (secret) => {
      queries.push(`h:${secret}`);
      return rows[secret] ?? null;
    },
    byId: async (id) => {
      queries.push(`k:${id}`);
      return Object.values(rows).find((row) => row.id === id) ?? null;
    },
    signingSecrets: async (tenantId) => {
      queries.push(`s:${tenantId}`);
      return tenantId === "ten_real" ? ["a-secret-of-at-least-32-characters!!"] : [];
    },
  };
  return { db, queries };
}

describe("KeyCache", () => {
  it("a flood of invented hashes, ids and tenants never evicts real entries", async () => {
    const { db, queries } = source();
    const cache = new KeyCache(db, { maxEntries: 3, maxMisses: 5 });
    expect((await cache.bySecret("hash-a"))?.id).toBe("key_a");
    expect((await cache.bySecret("hash-b"))?.id).toBe("key_b");
    expect(await cache.signingSecrets("ten_real")).toHaveLength(1);
    for (let i = 0; i < 100; i++) {
      expect(await cache.bySecret(`invented-${i}`)).toBeNull();
      expect(await cache.byId(`key_invented_${i}`)).toBeNull();
      expect(await cache.signingSecrets(`ten_invented_${i}`)).toEqual([]);
    }
    expect(cache.size).toBe(3);
    expect(cache.misses).toBeLessThanOrEqual(5);
    const before = queries.length;
    expect(cache.bySecret("hash-a")).toMatchObject({ id: "key_a" });
    expect(cache.bySecret("hash-b")).toMatchObject({ id: "key_b" });
    expect(cache.signingSecrets("ten_real")).toHaveLength(1);
    expect(queries.length).toBe(before);
  });

  it("remembers a miss for a while, apart from real entries", async () => {
    let now = 0;
    const { db, queries } = source();
    const cache = new KeyCache(db, { negativeTtlMs: 1_000, now: () => now });
    await cache.signingSecrets("ten_nobody");
    expect(cache.signingSecrets("ten_nobody")).toEqual([]);
    expect(queries).toEqual(["s:ten_nobody"]);
    expect(cache.size).toBe(0);
    now = 1_001;
    await cache.signingSecrets("ten_nobody");
    expect(queries).toHaveLength(2);
  });

  it("a tenant's change forgets its remembered 'no secrets' (its first signed key adds one)", async () => {
    const { db, queries } = source();
    const cache = new KeyCache(db);
    await cache.signingSecrets("ten_new");
    cache.invalidateTenant("ten_new");
    await cache.signingSecrets("ten_new");
    expect(queries).toEqual(["s:ten_new", "s:ten_new"]);
  });

  it("asks the admission only for database look-ups, and makes none when it refuses", async () => {
    const { db, queries } = source();
    const cache = new KeyCache(db);
    await cache.bySecret("hash-a");
    await cache.bySecret("remembered-miss");
    let asked = 0;
    const refuse = async () => {
      asked++;
      throw new Error("budget spent");
    };
    // Hits and remembered misses answer at once, with the value itself: no promise, no admission.
    expect(cache.bySecret("hash-a", refuse)).toMatchObject({ id: "key_a" });
    expect(cache.bySecret("remembered-miss", refuse)).toBeNull();
    expect(asked).toBe(0);
    await expect(cache.bySecret("new", refuse)).rejects.toThrow("budget spent");
    await expect(cache.byId("key_new", refuse)).rejects.toThrow("budget spent");
    await expect(cache.signingSecrets("ten_new", refuse)).rejects.toThrow("budget spent");
    expect(asked).toBe(3);
    expect(queries).toEqual(["h:hash-a", "h:remembered-miss"]);
  });

  it("concurrent look-ups of one key share one query", async () => {
    const { db, queries } = source();
    const cache = new KeyCache(db);
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.bySecret("hash-a")));
    expect(results.every((found) => found?.id === "key_a")).toBe(true);
    expect(queries).toEqual(["h:hash-a"]);
    expect(cache.loads).toBe(1);
  });
});
