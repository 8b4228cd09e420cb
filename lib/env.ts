import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseIpRange } from "./ip/ip-range";
import { MAX_RATE_LIMIT_PER_MINUTE, SPEC_DEFAULT_TENANT_RATE_LIMIT } from "./ratelimit/tenant-limit";

/**
 * The only reader of process.env. Every setting of SPEC §6 is validated here, once, and a bad
 * value stops the process with one line that names it. Secret values are never echoed.
 */

const SECRET_VARS = new Set(["AUTH_SECRET", "DATABASE_URL", "REDIS_URL", "METRICS_TOKEN", "SMTP_URL"]);

const intInRange = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `must be between ${min} and ${max}`)
        .max(max, `must be between ${min} and ${max}`),
    );

/** A tenant rate limit: a whole number per minute, or "unlimited" (null). */
const tenantRateLimit = () =>
  z.string().transform((value, ctx): number | null => {
    if (value.trim().toLowerCase() === "unlimited") return null;
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= 1 && n <= MAX_RATE_LIMIT_PER_MINUTE) return n;
    ctx.addIssue({
      code: "custom",
      message: `must be "unlimited" or a whole number of verifications per minute between 1 and ${MAX_RATE_LIMIT_PER_MINUTE}`,
    });
    return z.NEVER;
  });

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`);

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: intInRange(1, 65535).default(3000),
  DATABASE_URL: urlWithProtocols(
    ["postgres:", "postgresql:"],
    "postgres://user:pass@host:5432/db",
  ).optional(),
  REDIS_URL: urlWithProtocols(["redis:", "rediss:"], "redis://127.0.0.1:6379").optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, "must be 1–64 letters, digits, _ : . or -")
    .default("keydesk:"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  APP_URL: urlWithProtocols(["http:", "https:"], "https://keys.example.com").optional(),
  TRUST_PROXY_HOPS: intInRange(0, 10).default(0),
  TRUSTED_PROXIES: cidrList(),
  KEYDESK_DATA_DIR: z.string().min(1).default(".data"),
  JWT_AUDIENCE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  LEAK_ALERT_PUBLIC_KEYS: z.string().optional(),
  SIGNUP_RATE_LIMIT: intInRange(1, 1_000_000).default(10),
  VERIFY_MISS_BUDGET: intInRange(0, 1_000_000).default(60),
  VERIFY_MISS_BUDGET_EXEMPT: cidrList(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 24)").optional(),
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"], "must be 0 or 1").optional(),
  DATABASE_TIMEOUT_MS: intInRange(100, 60_000).default(1_500),
  SHUTDOWN_TIMEOUT_MS: intInRange(0, 300_000).default(10_000),
  USAGE_BUFFER_MAX_ROWS: intInRange(1_000, 10_000_000).default(100_000),
  WEBHOOK_FAILURE_SPIKE_THRESHOLD: intInRange(1, 10_000_000).default(100),
  VERIFICATION_LOG_DAYS: intInRange(1, 3_650).default(7),
  VERIFICATION_LOG_SAMPLE_PER_SECOND: intInRange(1, 1_000_000).default(10),
  VERIFICATION_LOG_SAMPLE_ONE_IN: intInRange(1, 1_000_000).default(100),
  VERIFICATION_LOG_BUFFER_MAX: intInRange(100, 10_000_000).default(50_000),
  TENANT_RATE_LIMIT_MAX: tenantRateLimit().optional(),
  TENANT_RATE_LIMIT_DEFAULT: tenantRateLimit().optional(),
  // Bounds of the in-process caches (README, "Memory bounds"): each holds at most this many entries.
  KEY_CACHE_MAX_ENTRIES: intInRange(1, 10_000_000).default(200_000),
  KEY_CACHE_MAX_MISSES: intInRange(1, 10_000_000).default(50_000),
  SIGNED_KEY_MEMO_MAX_ENTRIES: intInRange(1, 10_000_000).default(20_000),
  PUBLIC_KEY_CACHE_MAX_ENTRIES: intInRange(1, 10_000_000).default(10_000),
  RATE_LIMIT_MEMORY_MAX_KEYS: intInRange(1_000, 50_000_000).default(500_000),
  REPLAY_MEMORY_MAX_PER_TENANT: intInRange(1, 10_000_000).default(100_000),
  REPLAY_MEMORY_MAX_RECORDS: intInRange(1, 50_000_000).default(1_000_000),
  HEAP_GROWTH_PERCENT: intInRange(0, 1_000).default(30),
  SMTP_URL: urlWithProtocols(["smtp:", "smtps:"], "smtps://user:pass@smtp.example.com:465").optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
});

/** Comma-separated IPs or CIDRs, each checked here so a typo stops the start, not every request. */
function cidrList() {
  return z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      for (const entry of splitList(value)) {
        const parsed = parseIpRange(entry);
        if (!parsed.ok)
          ctx.addIssue({ code: "custom", message: `must be IP addresses or CIDRs: ${parsed.message}` });
      }
    });
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Namespace for every Redis key, so several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  authSecret: string;
  appUrl: string;
  trustProxyHops: number;
  trustedProxies: string[];
  /** `memory://` keeps everything in process memory (used by the test suites). */
  dataDir: string;
  jwtAudience: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** GitHub secret-scanning signing keys, by key identifier (PEM). Empty: leak alerts are refused. */
  leakAlertPublicKeys: Record<string, string>;
  /** Sign-ups per client address per hour (a burst of this many, then one per hour / limit). */
  signupRateLimit: number;
  /**
   * Verification look-ups that must ask the database (cache misses), per client address per
   * minute; past it the caller gets 429 without a query. 0 turns the budget off.
   */
  verifyMissBudget: number;
  /** Addresses (CIDRs) the budget does not apply to: the tenants' own gateways. */
  verifyMissBudgetExempt: string[];
  /** Bearer token for GET /api/metrics; unset: the metrics are public (they name no tenant or key). */
  metricsToken: string | undefined;
  /** WEBHOOK_ALLOW_PRIVATE=1: webhooks may go to loopback/private addresses (tests, private networks). */
  webhookAllowPrivate: boolean;
  /** usage.failure_spike: a key's failed verifications in 5 minutes must exceed this. */
  webhookFailureSpikeThreshold: number;
  /** Connect timeout, and the bound on key look-ups and readiness checks, before answering 503. */
  databaseTimeoutMs: number;
  /** On SIGTERM, how long in-flight requests get to finish before their connections are closed. */
  shutdownTimeoutMs: number;
  /** Usage entries (key × minute × outcome) held in memory while the database is away. */
  usageBufferMaxRows: number;
  /** The verification log (issue 14): retention, sampling and the in-memory bound. */
  verificationLog: { days: number; perKeyPerSecond: number; sampleOneIn: number; maxEntries: number };
  /** The most a tenant may set as its rate limit (per minute); null: no ceiling, "Unlimited" allowed. */
  tenantRateLimitMax: number | null;
  /** New tenants' rate limit (per minute); null: new tenants start with no tenant limit. */
  tenantRateLimitDefault: number | null;
  /** Bounds on the in-process caches (see README, "Memory bounds"). */
  cacheBounds: CacheBounds;
  /** How far V8 may grow the heap past what is live before a full collection (%); 0: V8's default. */
  heapGrowthPercent: number;
  /** Where invitation emails go out; unset: the dashboard shows each invitation link once instead. */
  smtpUrl: string | undefined;
  /** The From of those emails; default `Keydesk <no-reply@APP_URL's host>`. */
  mailFrom: string;
};

export type CacheBounds = {
  /** Keys (and tenants' signing-secret lists) the verifier holds. */
  keyCacheEntries: number;
  /** Credentials found to name no key, remembered briefly. */
  keyCacheMisses: number;
  /** Signed keys whose signature already held. */
  signedKeyMemoEntries: number;
  /** Imported ES256 public keys. */
  publicKeyObjects: number;
  /** In-memory rate-limit state (tenants, keys, miss budgets, login throttles), in all. */
  rateLimitKeys: number;
  /** In-memory replay records, per tenant and in all. */
  replayRecordsPerTenant: number;
  replayRecords: number;
};

export class EnvError extends Error {}

type EnvSource = Record<string, string | undefined>;

function describeIssue(issue: z.core.$ZodIssue, source: EnvSource): string {
  const name = String(issue.path[0] ?? "environment");
  const value = source[name];
  const shown = value === undefined || SECRET_VARS.has(name) ? "" : ` (got ${JSON.stringify(value)})`;
  return `Invalid environment variable ${name}: ${issue.message}${shown}`;
}

/** Empty strings count as unset, as in most .env tooling. */
function withoutEmpty(source: EnvSource): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]));
}

export function parseEnv(source: EnvSource): Env {
  const parsed = rawSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    throw new EnvError(describeIssue(parsed.error.issues[0]!, source));
  }
  const raw = parsed.data;
  if (raw.NODE_ENV === "production" && !raw.AUTH_SECRET) {
    throw new EnvError(
      "Invalid environment variable AUTH_SECRET: required when NODE_ENV=production (try: openssl rand -base64 32)",
    );
  }
  // Without it next-auth cannot tell it is served over https and drops the cookie's Secure flag.
  if (raw.NODE_ENV === "production" && !raw.APP_URL) {
    throw new EnvError(
      "Invalid environment variable APP_URL: required when NODE_ENV=production (the public URL, e.g. https://keys.example.com)",
    );
  }
  const appUrl = (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
  const tenantLimits = tenantRateLimits(raw.TENANT_RATE_LIMIT_MAX, raw.TENANT_RATE_LIMIT_DEFAULT);
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.REDIS_PREFIX,
    authSecret: raw.AUTH_SECRET ?? developmentAuthSecret(raw.KEYDESK_DATA_DIR),
    appUrl,
    trustProxyHops: raw.TRUST_PROXY_HOPS,
    trustedProxies: splitList(raw.TRUSTED_PROXIES),
    dataDir: raw.KEYDESK_DATA_DIR,
    jwtAudience: raw.JWT_AUDIENCE ?? appUrl,
    logLevel: raw.LOG_LEVEL,
    leakAlertPublicKeys: parseLeakAlertKeys(raw.LEAK_ALERT_PUBLIC_KEYS),
    signupRateLimit: raw.SIGNUP_RATE_LIMIT,
    verifyMissBudget: raw.VERIFY_MISS_BUDGET,
    verifyMissBudgetExempt: splitList(raw.VERIFY_MISS_BUDGET_EXEMPT),
    metricsToken: raw.METRICS_TOKEN,
    webhookAllowPrivate: raw.WEBHOOK_ALLOW_PRIVATE === "1",
    webhookFailureSpikeThreshold: raw.WEBHOOK_FAILURE_SPIKE_THRESHOLD,
    databaseTimeoutMs: raw.DATABASE_TIMEOUT_MS,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    usageBufferMaxRows: raw.USAGE_BUFFER_MAX_ROWS,
    verificationLog: {
      days: raw.VERIFICATION_LOG_DAYS,
      perKeyPerSecond: raw.VERIFICATION_LOG_SAMPLE_PER_SECOND,
      sampleOneIn: raw.VERIFICATION_LOG_SAMPLE_ONE_IN,
      maxEntries: raw.VERIFICATION_LOG_BUFFER_MAX,
    },
    tenantRateLimitMax: tenantLimits.max,
    tenantRateLimitDefault: tenantLimits.default,
    cacheBounds: {
      keyCacheEntries: raw.KEY_CACHE_MAX_ENTRIES,
      keyCacheMisses: raw.KEY_CACHE_MAX_MISSES,
      signedKeyMemoEntries: raw.SIGNED_KEY_MEMO_MAX_ENTRIES,
      publicKeyObjects: raw.PUBLIC_KEY_CACHE_MAX_ENTRIES,
      rateLimitKeys: raw.RATE_LIMIT_MEMORY_MAX_KEYS,
      replayRecordsPerTenant: raw.REPLAY_MEMORY_MAX_PER_TENANT,
      replayRecords: raw.REPLAY_MEMORY_MAX_RECORDS,
    },
    heapGrowthPercent: raw.HEAP_GROWTH_PERCENT,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM ?? `Keydesk <no-reply@${new URL(appUrl).hostname}>`,
  };
}

/**
 * The ceiling (null: none) and new tenants' limit (null: unlimited). An unset default is SPEC's 100,
 * lowered to the ceiling if that is below it; a default set above the ceiling stops the start.
 */
function tenantRateLimits(
  max: number | null | undefined,
  defaultLimit: number | null | undefined,
): { max: number | null; default: number | null } {
  const ceiling = max ?? null;
  if (defaultLimit === undefined) {
    const fallback = SPEC_DEFAULT_TENANT_RATE_LIMIT;
    return { max: ceiling, default: ceiling === null ? fallback : Math.min(fallback, ceiling) };
  }
  if (ceiling !== null && (defaultLimit === null || defaultLimit > ceiling)) {
    throw new EnvError(
      `Invalid environment variable TENANT_RATE_LIMIT_DEFAULT: must be at most TENANT_RATE_LIMIT_MAX (${ceiling}) (got ${JSON.stringify(defaultLimit === null ? "unlimited" : String(defaultLimit))})`,
    );
  }
  return { max: ceiling, default: defaultLimit };
}

const leakKeysSchema = z.union([
  z.object({ public_keys: z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1) })) }),
  z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1) })),
]);

/** Accepts GitHub's meta format (`{"public_keys":[{key_identifier, key}]}`) or just the array. */
function parseLeakAlertKeys(value: string | undefined): Record<string, string> {
  if (!value) return {};
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new EnvError(
      'Invalid environment variable LEAK_ALERT_PUBLIC_KEYS: must be JSON like {"public_keys":[{"key_identifier":"…","key":"-----BEGIN PUBLIC KEY-----…"}]}',
    );
  }
  const parsed = leakKeysSchema.safeParse(json);
  if (!parsed.success) {
    throw new EnvError(
      "Invalid environment variable LEAK_ALERT_PUBLIC_KEYS: expected a list of {key_identifier, key}",
    );
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.public_keys;
  return Object.fromEntries(list.map((entry) => [entry.key_identifier, entry.key]));
}

/**
 * In development the secret is generated once and kept in the data dir, so sessions survive a
 * restart without the newcomer configuring anything. Production refuses to start without one.
 */
function developmentAuthSecret(dataDir: string): string {
  if (dataDir === "memory://") return randomBytes(32).toString("base64url");
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

const ENV_KEY = Symbol.for("keydesk.env");
type EnvHolder = { [ENV_KEY]?: Env };

/** Parsed lazily (so `next build` does not demand runtime secrets) and shared process-wide. */
export function getEnv(): Env {
  const holder = globalThis as EnvHolder;
  holder[ENV_KEY] ??= parseEnv(process.env);
  return holder[ENV_KEY];
}

/** Tests switch settings (e.g. a tenant's IP rules) without touching process.env. */
export function overrideEnvForTests(patch: Partial<Env>): void {
  const holder = globalThis as EnvHolder;
  holder[ENV_KEY] = { ...getEnv(), ...patch };
}

/**
 * next-auth v4 reads its canonical URL from process.env itself; derive it from APP_URL so there is
 * one setting, not two.
 */
export function exportFrameworkEnv(env: Env): void {
  process.env.NEXTAUTH_URL ??= env.appUrl;
}
