import type { CreditLedger, VerifiableKey, VerificationResult } from "./types";

/**
 * The last step (issue 12): spend `cost` credits of a key that has them, through the injected
 * ledger (one conditional statement in the database; docs/decisions.md). Only called for keys with
 * credits, after every other check held, so a refused request never spends.
 */
export async function spendCredits(
  key: VerifiableKey,
  cost: number,
  passed: Extract<VerificationResult, { ok: true }>,
  deps: { credits?: CreditLedger; now: number },
): Promise<VerificationResult> {
  const { ratelimit, ratelimits } = passed;
  if (!deps.credits) throw new Error("A key with credits needs a credit ledger to be verified.");
  const spent = await deps.credits.spend(key, cost, deps.now);
  if (spent.ok) return { ...passed, credits: spent.credits };
  return {
    ok: false,
    code: "USAGE_EXCEEDED",
    message:
      spent.remaining === 0
        ? "This key has no credits left."
        : `This key has ${spent.remaining} credit${spent.remaining === 1 ? "" : "s"} left; this request costs ${cost}.`,
    // nextRefillAt: when the balance comes back (whoami turns it into Retry-After); null: never.
    details: { remaining: spent.remaining, cost, nextRefillAt: spent.nextRefillAt },
    key,
    ...(ratelimit ? { ratelimit } : {}),
    ...(ratelimits ? { ratelimits } : {}),
  };
}
