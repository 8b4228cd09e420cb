import "server-only";
import { listen } from "@/db/client";
import { hashApiKeySecret } from "@/lib/dal/api-keys/key-material";
import { KEY_CHANGES_CHANNEL } from "@/lib/dal/api-keys/notify";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import {
  findSigningSecretsForVerification,
  findVerificationKeyById,
  findVerificationKeyBySecretHash,
} from "@/lib/dal/verification-keys";
import { type Env, getEnv } from "@/lib/env";
import { KeyObjectCache } from "@/lib/jwt/import-key";
import { DEFAULT_LEEWAY_SECONDS } from "@/lib/jwt/jwt-claims";
import { describeError, log } from "@/lib/log";
import { getStores } from "@/lib/stores";
import { UsageBuffer } from "@/lib/usage/usage-buffer";
import { KeyCache } from "./key-cache";
import { type MissBudgetConfig, MissBudgetExhausted, missBudgetFor } from "./miss-budget";
import { toVerifiableKey } from "./to-verifiable-key";
import type { VerificationResult } from "./types";
import { type VerifyRequest, verifyCredential } from "./verify-credential";

type Verifier = {
  keyCache: KeyCache;
  keyObjects: KeyObjectCache;
  usage: UsageBuffer;
  /** Resolves once this instance hears key changes; the cache serves nothing before that. */
  subscribed: Promise<() => Promise<void>>;
  /** Set when `subscribed` has resolved, so the hot path need not await it again. */
  listening: boolean;
};

const VERIFIER_KEY = Symbol.for("keydesk.verifier");
type VerifierHolder = { [VERIFIER_KEY]?: Verifier };

function createVerifier(): Verifier {
  const keyObjects = new KeyObjectCache();
  const toKey = (row: Awaited<ReturnType<typeof findVerificationKeyById>>) =>
    row ? toVerifiableKey(row, keyObjects) : null;
  const keyCache = new KeyCache({
    bySecretHash: async (hash) => toKey(await findVerificationKeyBySecretHash(hash)),
    byId: async (id) => toKey(await findVerificationKeyById(id)),
    signingSecrets: (tenantId) => findSigningSecretsForVerification(tenantId),
  });
  const usage = new UsageBuffer(writeUsageBatch);
  usage.start(1000, (error) => log.error("usage flush failed; will retry", describeError(error)));
  const subscribed = listen(
    KEY_CHANGES_CHANNEL,
    (payload) => {
      const [kind, id] = payload.split(":") as [string, string | undefined];
      if (kind === "key" && id) {
        keyCache.invalidateKey(id);
        keyObjects.invalidate(id);
      } else if (kind === "tenant" && id) {
        keyCache.invalidateTenant(id);
      }
    },
    // After a reconnect, changes made meanwhile were not heard: start from the database again.
    () => keyCache.clear(),
  );
  const verifier: Verifier = { keyCache, keyObjects, usage, subscribed, listening: false };
  subscribed.then(
    () => {
      verifier.listening = true;
    },
    (error: unknown) => log.error("could not listen for key changes", describeError(error)),
  );
  return verifier;
}

export function getVerifier(): Verifier {
  const holder = globalThis as VerifierHolder;
  holder[VERIFIER_KEY] ??= createVerifier();
  return holder[VERIFIER_KEY];
}

/** Graceful shutdown: stop listening and write the usage still in memory. */
export async function stopVerifier(): Promise<void> {
  const holder = globalThis as VerifierHolder;
  const verifier = holder[VERIFIER_KEY];
  if (!verifier) return;
  delete holder[VERIFIER_KEY];
  await (await verifier.subscribed.catch(() => async () => {}))();
  await verifier.usage.stop();
}

/** Verifies with the shared cache, stores and clock, and counts the outcome for usage charts. */
export async function runVerification(request: VerifyRequest): Promise<VerificationResult> {
  const verifier = getVerifier();
  if (!verifier.listening) await verifier.subscribed;
  const env = getEnv();
  const { rateLimiter, replayStore } = getStores();
  const now = Date.now();
  const admit = missBudgetFor(request.callerIp ?? request.clientIp, missBudgetConfig(env), rateLimiter);
  let result: VerificationResult;
  try {
    result = await verifyCredential(request, {
      keys: admit ? verifier.keyCache.withAdmission(admit) : verifier.keyCache,
      hashSecret: hashApiKeySecret,
      now,
      audience: env.jwtAudience,
      leewaySeconds: DEFAULT_LEEWAY_SECONDS,
      rateLimiter,
      replayStore,
    });
  } catch (error) {
    if (error instanceof MissBudgetExhausted) return budgetExhausted(error.retryAfterSeconds);
    throw error;
  }
  if (result.key) {
    verifier.usage.record({
      tenantId: result.key.tenantId,
      keyId: result.key.id,
      outcome: result.ok ? "VALID" : result.code,
      at: now,
      ip: request.clientIp,
    });
  }
  return result;
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
