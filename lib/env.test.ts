import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = { KEYDESK_DATA_DIR: "memory://" };

function errorOf(env: Record<string, string>): string {
  try {
    parseEnv({ ...base, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("has working defaults for a newcomer", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({
      port: 3000,
      trustProxyHops: 0,
      appUrl: "http://localhost:3000",
      databaseUrl: undefined,
    });
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it.each([
    [{ PORT: "abc" }, /^Invalid environment variable PORT: .*\(got "abc"\)$/],
    [{ PORT: "70000" }, /^Invalid environment variable PORT: must be between 1 and 65535/],
    [{ TRUST_PROXY_HOPS: "-1" }, /^Invalid environment variable TRUST_PROXY_HOPS/],
    [
      { DATABASE_URL: "mysql://x" },
      /^Invalid environment variable DATABASE_URL: must be a URL like postgres:/,
    ],
    [{ REDIS_URL: "localhost:6379" }, /^Invalid environment variable REDIS_URL/],
    [{ APP_URL: "keys.example.com" }, /^Invalid environment variable APP_URL/],
    [{ AUTH_SECRET: "short" }, /^Invalid environment variable AUTH_SECRET: must be at least 32 characters/],
    [
      { VERIFY_MISS_BUDGET: "lots" },
      /^Invalid environment variable VERIFY_MISS_BUDGET: must be a whole number/,
    ],
    [
      { VERIFY_MISS_BUDGET_EXEMPT: "10.0.0.0/8, gateway.local" },
      /^Invalid environment variable VERIFY_MISS_BUDGET_EXEMPT: must be IP addresses or CIDRs/,
    ],
    [
      { NODE_ENV: "production" },
      /^Invalid environment variable AUTH_SECRET: required when NODE_ENV=production/,
    ],
    [
      { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) },
      /^Invalid environment variable APP_URL: required when NODE_ENV=production/,
    ],
    [{ SIGNUP_RATE_LIMIT: "0" }, /^Invalid environment variable SIGNUP_RATE_LIMIT/],
  ])("%j gives one clear line", (env, expected) => {
    const message = errorOf(env);
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });

  it("budgets verification misses by default and reads the exempt gateways", () => {
    expect(parseEnv(base)).toMatchObject({ verifyMissBudget: 60, verifyMissBudgetExempt: [] });
    expect(
      parseEnv({ ...base, VERIFY_MISS_BUDGET: "0", VERIFY_MISS_BUDGET_EXEMPT: "10.0.0.0/8, 2001:db8::1" }),
    ).toMatchObject({ verifyMissBudget: 0, verifyMissBudgetExempt: ["10.0.0.0/8", "2001:db8::1"] });
  });

  it("never echoes secret values", () => {
    expect(errorOf({ AUTH_SECRET: "tooshort-secret" })).not.toContain("tooshort-secret");
    expect(errorOf({ DATABASE_URL: "mysql://user:hunter2@db" })).not.toContain("hunter2");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ ...base, PORT: "", DATABASE_URL: "" })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });
});

describe("parseEnv: operations settings (issue 8)", () => {
  it("has defaults", () => {
    expect(parseEnv(base)).toMatchObject({
      metricsToken: undefined,
      databaseTimeoutMs: 1500,
      shutdownTimeoutMs: 10_000,
      usageBufferMaxRows: 100_000,
    });
  });

  it.each([
    [
      { METRICS_TOKEN: "short" },
      /^Invalid environment variable METRICS_TOKEN: must be at least 16 characters/,
    ],
    [{ DATABASE_TIMEOUT_MS: "50" }, /^Invalid environment variable DATABASE_TIMEOUT_MS: must be between 100/],
    [
      { SHUTDOWN_TIMEOUT_MS: "soon" },
      /^Invalid environment variable SHUTDOWN_TIMEOUT_MS: must be a whole number/,
    ],
    [
      { USAGE_BUFFER_MAX_ROWS: "10" },
      /^Invalid environment variable USAGE_BUFFER_MAX_ROWS: must be between 1000/,
    ],
  ])("%j is refused with one line", (env, expected) => {
    expect(errorOf(env)).toMatch(expected);
  });

  it("never echoes the metrics token", () => {
    expect(errorOf({ METRICS_TOKEN: "tiny-secret" })).not.toContain("tiny-secret");
  });
});

describe("parseEnv: tenant rate limits (issue 10)", () => {
  it("defaults to no ceiling and SPEC's 100 per minute for new tenants", () => {
    expect(parseEnv(base)).toMatchObject({ tenantRateLimitMax: null, tenantRateLimitDefault: 100 });
  });

  it("reads numbers and 'unlimited' (any case) for both", () => {
    expect(
      parseEnv({ ...base, TENANT_RATE_LIMIT_MAX: "Unlimited", TENANT_RATE_LIMIT_DEFAULT: "unlimited" }),
    ).toMatchObject({ tenantRateLimitMax: null, tenantRateLimitDefault: null });
    expect(
      parseEnv({ ...base, TENANT_RATE_LIMIT_MAX: "60000000", TENANT_RATE_LIMIT_DEFAULT: "250000" }),
    ).toMatchObject({ tenantRateLimitMax: 60_000_000, tenantRateLimitDefault: 250_000 });
  });

  it("lowers the unset default to a ceiling below 100", () => {
    expect(parseEnv({ ...base, TENANT_RATE_LIMIT_MAX: "50" })).toMatchObject({
      tenantRateLimitMax: 50,
      tenantRateLimitDefault: 50,
    });
  });

  it.each([
    [
      { TENANT_RATE_LIMIT_MAX: "0" },
      /^Invalid environment variable TENANT_RATE_LIMIT_MAX: must be "unlimited" or a whole number/,
    ],
    [{ TENANT_RATE_LIMIT_MAX: "60000001" }, /TENANT_RATE_LIMIT_MAX: .* between 1 and 60000000/],
    [
      { TENANT_RATE_LIMIT_DEFAULT: "lots" },
      /^Invalid environment variable TENANT_RATE_LIMIT_DEFAULT: must be "unlimited"/,
    ],
    [
      { TENANT_RATE_LIMIT_MAX: "1000", TENANT_RATE_LIMIT_DEFAULT: "5000" },
      /^Invalid environment variable TENANT_RATE_LIMIT_DEFAULT: must be at most TENANT_RATE_LIMIT_MAX \(1000\) \(got "5000"\)$/,
    ],
    [
      { TENANT_RATE_LIMIT_MAX: "1000", TENANT_RATE_LIMIT_DEFAULT: "unlimited" },
      /TENANT_RATE_LIMIT_DEFAULT: must be at most TENANT_RATE_LIMIT_MAX \(1000\) \(got "unlimited"\)$/,
    ],
  ])("%j is refused with one line", (env, expected) => {
    const message = errorOf(env);
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });
});

describe("parseEnv: cache bounds (issue 10)", () => {
  it("limits heap growth to 30 % by default; 0 leaves V8's default", () => {
    expect(parseEnv(base).heapGrowthPercent).toBe(30);
    expect(parseEnv({ ...base, HEAP_GROWTH_PERCENT: "0" }).heapGrowthPercent).toBe(0);
    expect(errorOf({ HEAP_GROWTH_PERCENT: "-1" })).toMatch(
      /^Invalid environment variable HEAP_GROWTH_PERCENT/,
    );
  });

  it("has a default for every bound", () => {
    expect(parseEnv(base).cacheBounds).toEqual({
      keyCacheEntries: 200_000,
      keyCacheMisses: 50_000,
      signedKeyMemoEntries: 20_000,
      publicKeyObjects: 10_000,
      rateLimitKeys: 500_000,
      replayRecordsPerTenant: 100_000,
      replayRecords: 1_000_000,
    });
  });

  it("reads each one", () => {
    const env = parseEnv({
      ...base,
      KEY_CACHE_MAX_ENTRIES: "1000",
      KEY_CACHE_MAX_MISSES: "2000",
      SIGNED_KEY_MEMO_MAX_ENTRIES: "3000",
      PUBLIC_KEY_CACHE_MAX_ENTRIES: "4000",
      RATE_LIMIT_MEMORY_MAX_KEYS: "5000",
      REPLAY_MEMORY_MAX_PER_TENANT: "6000",
      REPLAY_MEMORY_MAX_RECORDS: "7000",
    });
    expect(env.cacheBounds).toEqual({
      keyCacheEntries: 1000,
      keyCacheMisses: 2000,
      signedKeyMemoEntries: 3000,
      publicKeyObjects: 4000,
      rateLimitKeys: 5000,
      replayRecordsPerTenant: 6000,
      replayRecords: 7000,
    });
  });

  it.each([
    [
      { KEY_CACHE_MAX_ENTRIES: "0" },
      /^Invalid environment variable KEY_CACHE_MAX_ENTRIES: must be between 1/,
    ],
    [
      { RATE_LIMIT_MEMORY_MAX_KEYS: "10" },
      /^Invalid environment variable RATE_LIMIT_MEMORY_MAX_KEYS: must be between 1000/,
    ],
    [
      { REPLAY_MEMORY_MAX_RECORDS: "many" },
      /^Invalid environment variable REPLAY_MEMORY_MAX_RECORDS: must be a whole number/,
    ],
  ])("%j is refused with one line", (env, expected) => {
    expect(errorOf(env)).toMatch(expected);
  });
});
