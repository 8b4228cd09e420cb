import "server-only";
import { databaseErrorCode } from "@/db/availability";
import type { MaybePromise } from "@/lib/async/maybe-promise";
import { type Env, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { DEFAULT_LEEWAY_SECONDS } from "@/lib/jwt/jwt-claims";
import { log } from "@/lib/log";
import { verificationStats } from "@/lib/metrics/state";
import type { VerificationPath } from "@/lib/metrics/verification-stats";
import type { ReplayStore } from "@/lib/ratelimit/types";
import { getStores } from "@/lib/stores";
import { type MissBudgetConfig, MissBudgetExhausted, missBudgetFor } from "@/lib/verify/core/miss-budget";
import type { VerificationResult } from "@/lib/verify/core/types";
import { type VerifyRequest, verifyCredential } from "@/lib/verify/core/verify-credential";
import { creditLedger } from "./credit-ledger";
import { createVerifier, type Verifier } from "./verifier";

const VERIFIER_KEY = Symbol.for("keydesk.verifier");
type VerifierHolder = { [VERIFIER_KEY]?: Verifier };

/**
 * The one verifier of this process (key cache, usage buffer, change listener), on globalThis so
 * the socket fast path and Next's bundle share it. Once stopped it stays: a request finishing
 * during shutdown must not create a fresh buffer that nobody would ever flush.
 */
export function getVerifier(): Verifier {
  const holder = globalThis as VerifierHolder;
  holder[VERIFIER_KEY] ??= createVerifier(getEnv());
  return holder[VERIFIER_KEY];
}

/** The verifier if one was started, for /api/metrics (which must not start one). */
export function currentVerifier(): Verifier | undefined {
  return (globalThis as VerifierHolder)[VERIFIER_KEY];
}

/**
 * Graceful shutdown, after in-flight requests have finished: stop listening and write the usage
 * still in memory (retrying for up to `deadlineMs` if the database is away).
 */
export async function stopVerifier(deadlineMs = 5_000): Promise<void> {
  const verifier = currentVerifier();
  if (!verifier || verifier.stopped) return;
  verifier.stopped = true;
  await verifier.unlisten?.().catch(() => {});
  try {
    await verifier.usage.stop(deadlineMs);
  } catch (error) {
    log.error("usage could not be written before shutdown", { code: databaseErrorCode(error) });
  }
}

function replayUnavailable(): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "Replay protection is unavailable, so tokens carrying a jti cannot be checked right now; try again shortly.",
    undefined,
    { "Retry-After": "1" },
  );
}

/**
 * Replay records fail closed (docs/decisions.md): a token that asked for replay protection is
 * not accepted while nobody can say whether it was seen before.
 */
const failClosedReplayStore: ReplayStore = {
  async has(lookup) {
    try {
      return await getStores().replayStore.has(lookup);
    } catch {
      throw replayUnavailable();
    }
  },
  async markSeen(record) {
    try {
      return await getStores().replayStore.markSeen(record);
    } catch {
      throw replayUnavailable();
    }
  },
};

async function awaitListening(verifier: Verifier, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    verifier.subscribed,
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  // Without change notifications a cached key could outlive its revocation: refuse to serve.
  if (!verifier.listening) {
    throw new AppError(
      "SERVICE_UNAVAILABLE",
      "Keys cannot be checked right now; try again shortly.",
      undefined,
      {
        "Retry-After": "1",
      },
    );
  }
}

/**
 * Verifies with the shared cache, stores and clock, and counts the outcome for usage and metrics.
 * A cached key with in-process stores is answered synchronously (lib/async/maybe-promise.ts).
 */
export function runVerification(
  request: VerifyRequest,
  path: VerificationPath = "next",
): MaybePromise<VerificationResult> {
  // No closures on the way: a cached key's answer is one of the hottest paths in the process.
  const started = performance.now();
  let result: MaybePromise<VerificationResult>;
  try {
    result = verifyAndRecord(request);
  } catch (error) {
    return failedVerification(error, path, started);
  }
  if (result instanceof Promise) {
    return result.then(
      (settled) => countedVerification(settled, path, started),
      (error: unknown) => failedVerification(error, path, started),
    );
  }
  return countedVerification(result, path, started);
}

function countedVerification(
  result: VerificationResult,
  path: VerificationPath,
  started: number,
): VerificationResult {
  verificationStats().record(path, result.ok ? "VALID" : result.code, (performance.now() - started) / 1000);
  return result;
}

function failedVerification(error: unknown, path: VerificationPath, started: number): VerificationResult {
  if (error instanceof MissBudgetExhausted) {
    return countedVerification(budgetExhausted(error.retryAfterSeconds), path, started);
  }
  const outcome =
    error instanceof AppError && error.code === "SERVICE_UNAVAILABLE"
      ? "SERVICE_UNAVAILABLE"
      : "INTERNAL_ERROR";
  verificationStats().record(path, outcome, (performance.now() - started) / 1000);
  throw error;
}

function verifyAndRecord(request: VerifyRequest): MaybePromise<VerificationResult> {
  const verifier = getVerifier();
  const env = getEnv();
  if (!verifier.listening) {
    return awaitListening(verifier, env.databaseTimeoutMs).then(() => verifyAndRecord(request));
  }
  const now = Date.now();
  const rateLimiter = getStores().rateLimiter;
  const result = verifyCredential(request, {
    keys: verifier.keyCache,
    admit: missBudgetFor(request.callerIp ?? request.clientIp, missBudgetConfig(env), rateLimiter),
    now,
    audience: env.jwtAudience,
    leewaySeconds: DEFAULT_LEEWAY_SECONDS,
    rateLimiter,
    replayStore: failClosedReplayStore,
    credits: creditLedger,
  });
  if (result instanceof Promise) return result.then((settled) => recorded(verifier, request, now, settled));
  return recorded(verifier, request, now, result);
}

/** Counts a decided verification for usage and the key's log. */
function recorded(
  verifier: Verifier,
  request: VerifyRequest,
  now: number,
  settled: VerificationResult,
): VerificationResult {
  if (settled.key) {
    const { tenantId, id: keyId } = settled.key;
    const outcome = settled.ok ? "VALID" : settled.code;
    verifier.usage.record({ tenantId, keyId, outcome, at: now, ip: request.clientIp });
    verifier.log.record({
      tenantId,
      keyId,
      at: now,
      outcome,
      ip: request.clientIp,
      route: request.route ?? "verify",
      userAgent: request.userAgent ?? null,
      scopes: request.scopes ?? null,
      weight: 1,
    });
  }
  return settled;
}

const budgetConfigs = new WeakMap<Env, MissBudgetConfig>();

/** Gateways the operator named, and the operator's own proxies, are not budgeted. */
function missBudgetConfig(env: Env): MissBudgetConfig {
  let config = budgetConfigs.get(env);
  if (!config) {
    config = {
      perMinute: env.verifyMissBudget,
      exempt: [...env.verifyMissBudgetExempt, ...env.trustedProxies],
    };
    budgetConfigs.set(env, config);
  }
  return config;
}

function budgetExhausted(retryAfter: number): VerificationResult {
  return {
    ok: false,
    code: "RATE_LIMITED",
    message: `Too many look-ups of unknown credentials from this address. Try again in ${retryAfter} seconds.`,
    details: { retryAfter },
    callerThrottled: true,
  };
}
