import { type CreditRefill, effectiveBalance, nextRefillBoundary } from "@/lib/keys/credit-refill";
import type { ApiKeyDto, CreditsInput } from "@/lib/schemas/api-keys";

export type CreditColumns = {
  creditsRemaining: number | null;
  creditsRefillInterval: "daily" | "monthly" | null;
  creditsRefillAmount: number | null;
  creditsRefillDay: number | null;
  creditsRefilledAt: Date | null;
};

/** What `credits.low` measures 10 % of: the refill amount, else the balance as last set. */
export function creditsBaseline(refillAmount: number | null, balance: number | null): number | null {
  return refillAmount ?? balance;
}

/** The columns that store `credits` as given (null: unlimited); the refill clock starts now. */
export function creditColumns(
  credits: CreditsInput,
  now: Date,
): CreditColumns & { creditsBaseline: number | null } {
  if (credits === null) {
    return {
      creditsBaseline: null,
      creditsRemaining: null,
      creditsRefillInterval: null,
      creditsRefillAmount: null,
      creditsRefillDay: null,
      creditsRefilledAt: null,
    };
  }
  const refill = credits.refill ?? null;
  return {
    creditsRemaining: credits.remaining,
    creditsRefillInterval: refill?.interval ?? null,
    creditsRefillAmount: refill?.amount ?? null,
    creditsRefillDay: refill?.interval === "monthly" ? (refill.dayOfMonth ?? 1) : null,
    creditsRefilledAt: now,
    creditsBaseline: creditsBaseline(refill?.amount ?? null, credits.remaining),
  };
}

export function refillOf(row: CreditColumns): CreditRefill | null {
  if (!row.creditsRefillInterval || row.creditsRefillAmount === null) return null;
  return {
    interval: row.creditsRefillInterval,
    amount: row.creditsRefillAmount,
    dayOfMonth: row.creditsRefillDay,
  };
}

/** The balance a verification would see now (a due refill applied), or null when unlimited. */
export function currentBalance(row: CreditColumns, now: Date): number | null {
  if (row.creditsRemaining === null) return null;
  return effectiveBalance(
    row.creditsRemaining,
    refillOf(row),
    row.creditsRefilledAt?.getTime() ?? null,
    now.getTime(),
  );
}

export function creditsDto(row: CreditColumns, now: Date): ApiKeyDto["credits"] {
  const remaining = currentBalance(row, now);
  if (remaining === null) return null;
  const refill = refillOf(row);
  return {
    remaining,
    refill,
    nextRefillAt: refill ? new Date(nextRefillBoundary(refill, now.getTime())).toISOString() : null,
  };
}
