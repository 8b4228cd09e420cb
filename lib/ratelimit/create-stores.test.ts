import { describe, expect, it } from "vitest";
import { createStores } from "./create-stores";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import { MemoryReplayStore } from "./memory-replay-store";

describe("createStores", () => {
  it("keeps state in memory without a Redis URL", async () => {
    for (const redisUrl of [undefined, ""]) {
      const stores = createStores({ redisUrl });
      expect(stores.backend).toBe("memory");
      expect(stores.rateLimiter).toBeInstanceOf(MemoryRateLimiter);
      expect(stores.replayStore).toBeInstanceOf(MemoryReplayStore);
      expect((await stores.rateLimiter.consume("k", 1, 1_000)).allowed).toBe(true);
      expect((await stores.rateLimiter.consume("k", 1, 1_000)).allowed).toBe(false);
      await stores.close();
    }
  });

  it("bounds the memory stores as configured", async () => {
    const stores = createStores({
      memory: { maxEntries: 20, sweepIntervalMs: 0, maxReplayRecordsPerTenant: 20 },
    });
    for (let i = 0; i < 100; i++) {
      await stores.rateLimiter.consume(`k${i}`, 5, 60_000);
      await stores.replayStore.markSeen({
        tenantId: "ten_x",
        keyId: "key_x",
        jti: `jti${i}`,
        expiresAtMs: Date.now() + 60_000,
      });
    }
    expect((stores.rateLimiter as MemoryRateLimiter).size).toBeLessThanOrEqual(20);
    expect((stores.replayStore as MemoryReplayStore).size).toBeLessThanOrEqual(20);
    await stores.close();
  });
});
