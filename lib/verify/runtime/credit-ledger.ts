import "server-only";
import { databaseErrorCode, isDatabaseUnavailable, withDatabaseTimeout } from "@/db/availability";
import { countPoolError } from "@/db/client";
import { spendCredits } from "@/lib/dal/credits/spend-credits";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import type { CreditLedger } from "@/lib/verify/core/types";

let warnedAt = 0;

/**
 * Credits fail closed: while the database cannot be reached, a key with credits gets 503 (within
 * DATABASE_TIMEOUT_MS), never a free pass. Keys without credits never come here.
 */
export const creditLedger: CreditLedger = {
  async spend(key, cost, nowMs) {
    try {
      const work = spendCredits({ tenantId: key.tenantId, keyId: key.id }, cost, new Date(nowMs));
      return await withDatabaseTimeout(work, getEnv().databaseTimeoutMs);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      countPoolError();
      if (Date.now() - warnedAt >= 1000) {
        warnedAt = Date.now();
        log.warn("credit spends failing: database unavailable", { code: databaseErrorCode(error) });
      }
      throw new AppError(
        "SERVICE_UNAVAILABLE",
        "Credits cannot be checked right now; try again shortly.",
        undefined,
        { "Retry-After": "1" },
      );
    }
  },
};
