import { afterAll } from "vitest";
import { describeRateLimiter } from "./describe-rate-limiter";
import { describeReplayStore } from "./describe-replay-store";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import { MemoryReplayStore } from "./memory-replay-store";

const limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
afterAll(() => limiter.close());

describeRateLimiter("memory rate limiter", () => limiter);

describeReplayStore("memory replay store", () => {
  let clock = 1_700_000_000_000;
  return {
    store: new MemoryReplayStore({ now: () => clock, sweepIntervalMs: 0, maxEntriesPerTenant: 500 }),
    floodSize: 2_000,
    now: () => clock,
    advance: async (ms) => {
      clock += ms;
    },
  };
});
