import "server-only";
import { databaseErrorCode } from "@/db/availability";
import { AppError } from "@/lib/api/app-error";
import { hashApiKeySecret } from "@/lib/dal/api-keys/key-material";
import { type Env, getEnv } from "@/lib/env";
import { DEFAULT_LEEWAY_SECONDS } from "@/lib/jwt/jwt-claims";
import { log } from "@/lib/log";
import { verificationStats } from "@/lib/metrics/state";
import type { VerificationPath } from "@/lib/metrics/verification-stats";
import type { ReplayStore } from "@/lib/ratelimit/types";
import { getStores } from "@/lib/stores";
import { type MissBudgetConfig, MissBudgetExhausted, missBudgetFor } from "./miss-budget";
import type { VerificationResult } from "./types";
import { createVerifier, type Verifier } from "./verifier";
import { type VerifyRequest, verifyCredential } from "./verify-credential";

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

/** Verifies with the shared cache, stores and clock, and counts the outcome for usage and metrics. */
export async function runVerification(
  request: VerifyRequest,
  path: VerificationPath = "next",
): Promise<VerificationResult> {
  const started = performance.now();
  let outcome = "INTERNAL_ERROR";
  try {
    const verifier = getVerifier();
    const env = getEnv();
    if (!verifier.listening) await awaitListening(verifier, env.databaseTimeoutMs);
    const now = Date.now();
    const rateLimiter = getStores().rateLimiter;
    const admit = missBudgetFor(request.callerIp ?? request.clientIp, missBudgetConfig(env), rateLimiter);
    const result = await verifyCredential(request, {
      keys: admit ? verifier.keyCache.withAdmission(admit) : verifier.keyCache,
      hashSecret: hashApiKeySecret,
      now,
      audience: env.jwtAudience,
      leewaySeconds: DEFAULT_LEEWAY_SECONDS,
      rateLimiter,
      replayStore: failClosedReplayStore,
    });
    outcome = result.ok ? "VALID" : result.code;
    if (result.key) {
      verifier.usage.record({
        tenantId: result.key.tenantId,
        keyId: result.key.id,
        outcome,
        at: now,
        ip: request.clientIp,
      });
    }
    return result;
  } catch (error) {
    if (error instanceof MissBudgetExhausted) {
      outcome = "RATE_LIMITED";
      return budgetExhausted(error.retryAfterSeconds);
    }
    if (error instanceof AppError && error.code === "SERVICE_UNAVAILABLE") outcome = "SERVICE_UNAVAILABLE";
    throw error;
  } finally {
    verificationStats().record(path, outcome, (performance.now() - started) / 1000);
  }
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
