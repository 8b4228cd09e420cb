import "server-only";
import { databaseErrorCode, isDatabaseUnavailable, withDatabaseTimeout } from "@/db/availability";
import { countPoolError, listen } from "@/db/client";
import { hashApiKeySecret } from "@/lib/dal/api-keys/key-material";
import { KEY_CHANGES_CHANNEL } from "@/lib/dal/api-keys/notify";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import {
  findSigningSecretsForVerification,
  findVerificationKeyById,
  findVerificationKeyBySecretHash,
} from "@/lib/dal/verification-keys";
import { type Env, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { KeyObjectCache } from "@/lib/jwt/import-key";
import { log } from "@/lib/log";
import { type DropReport, UsageBuffer } from "@/lib/usage/usage-buffer";
import { VerificationLogBuffer } from "@/lib/usage/verification-log-buffer";
import { KeyCache } from "@/lib/verify/core/key-cache";
import { toVerifiableKey } from "./to-verifiable-key";

export type Verifier = {
  keyCache: KeyCache;
  keyObjects: KeyObjectCache;
  usage: UsageBuffer;
  /** Entries of the verification log waiting for the next usage flush (issue 14). */
  log: VerificationLogBuffer;
  /** For the hit ratio: look-ups asked of the cache, and those that went to the database. */
  lookups: { readonly total: number; readonly misses: number };
  /** Resolves once this instance hears key changes (retried until it does). */
  subscribed: Promise<void>;
  /** Set when `subscribed` has resolved, so the hot path need not await it again. */
  listening: boolean;
  unlisten?: () => Promise<void>;
  stopped: boolean;
};

function keysUnavailable(): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "Keys cannot be looked up right now; try again shortly.",
    undefined,
    {
      "Retry-After": "1",
    },
  );
}

/**
 * A cache miss goes to the database, bounded by DATABASE_TIMEOUT_MS: while PostgreSQL is away the
 * caller gets 503 in about that time, never a hang or a 500. Errors are logged by code only — the
 * driver's message carries the query's parameters (a secret's hash, for one).
 */
function boundedLoad<A, T>(load: (arg: A) => Promise<T>, ms: number) {
  let warnedAt = 0;
  return async (arg: A): Promise<T> => {
    try {
      return await withDatabaseTimeout(load(arg), ms);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      countPoolError();
      // Once a second at most: an outage under load must not become a flood of log lines.
      if (Date.now() - warnedAt >= 1000) {
        warnedAt = Date.now();
        log.warn("key look-ups failing: database unavailable", { code: databaseErrorCode(error) });
      }
      throw keysUnavailable();
    }
  };
}

/** Drops are logged at once, then summed and logged at most every 10 s: a flood must not flood the log. */
function dropLogger() {
  let lastLogAt = 0;
  let verifications = 0;
  let lastUsed = 0;
  return (report: DropReport) => {
    verifications += report.verifications;
    lastUsed += report.lastUsed;
    if (report.reason === "cap" && Date.now() - lastLogAt < 10_000) return;
    lastLogAt = Date.now();
    const message =
      report.reason === "cap"
        ? "usage buffer full while the database is away: dropped the oldest usage counts"
        : "usage counted after shutdown began was not written";
    log.error(message, { droppedVerifications: verifications, droppedLastUsed: lastUsed });
    verifications = 0;
    lastUsed = 0;
  };
}

/** Log entries dropped (buffer full, or shutdown), summed and logged at most every 10 s. */
function logDropLogger() {
  let lastLogAt = 0;
  let dropped = 0;
  return (count: number) => {
    dropped += count;
    if (Date.now() - lastLogAt < 10_000) return;
    lastLogAt = Date.now();
    log.warn("verification log buffer full: dropped entries", { droppedEntries: dropped });
    dropped = 0;
  };
}

async function subscribe(verifier: Verifier): Promise<void> {
  const onMessage = (payload: string) => {
    const [kind, id] = payload.split(":") as [string, string | undefined];
    if (kind === "key" && id) {
      verifier.keyCache.invalidateKey(id);
      verifier.keyObjects.invalidate(id);
    } else if (kind === "tenant" && id) {
      verifier.keyCache.invalidateTenant(id);
    }
  };
  // After a reconnect, changes made meanwhile were not heard: start from the database again.
  const onSubscribed = () => {
    verifier.keyCache.clear();
    verifier.listening = true;
  };
  for (let attempt = 0; !verifier.stopped; attempt++) {
    try {
      verifier.unlisten = await listen(KEY_CHANGES_CHANNEL, onMessage, onSubscribed);
      return;
    } catch (error) {
      countPoolError();
      log.error("could not listen for key changes; retrying", { code: databaseErrorCode(error), attempt });
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
    }
  }
}

export function createVerifier(env: Env): Verifier {
  const bounds = env.cacheBounds;
  const keyObjects = new KeyObjectCache({ maxEntries: bounds.publicKeyObjects });
  // The ceiling is read at each fill (not captured here), so a changed setting applies to every load.
  const toKey = (row: Awaited<ReturnType<typeof findVerificationKeyById>>) =>
    row ? toVerifiableKey(row, keyObjects, getEnv().tenantRateLimitMax) : null;
  const ms = env.databaseTimeoutMs;
  const keyCache = new KeyCache(
    {
      bySecret: boundedLoad(
        async (secret: string) => toKey(await findVerificationKeyBySecretHash(hashApiKeySecret(secret))),
        ms,
      ),
      byId: boundedLoad(async (id: string) => toKey(await findVerificationKeyById(id)), ms),
      signingSecrets: boundedLoad(findSigningSecretsForVerification, ms),
    },
    {
      maxEntries: bounds.keyCacheEntries,
      maxMisses: bounds.keyCacheMisses,
      maxSignedClaims: bounds.signedKeyMemoEntries,
    },
  );
  const lookups = {
    get total() {
      return keyCache.lookups;
    },
    get misses() {
      return keyCache.loads;
    },
  };
  const verificationLog = new VerificationLogBuffer({ ...env.verificationLog, onDrop: logDropLogger() });
  const usage = new UsageBuffer(writeUsageBatch, {
    maxPendingCounts: env.usageBufferMaxRows,
    onDrop: dropLogger(),
    log: verificationLog,
  });
  usage.start(1000, (error) =>
    log.warn("usage flush failed; will retry", {
      code: databaseErrorCode(error),
      failingFor: usage.stats.failingFor,
      pending: usage.pending,
    }),
  );
  const verifier: Verifier = {
    keyCache,
    keyObjects,
    usage,
    log: verificationLog,
    lookups,
    subscribed: Promise.resolve(),
    listening: false,
    stopped: false,
  };
  verifier.subscribed = subscribe(verifier);
  return verifier;
}
