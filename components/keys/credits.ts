import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { formatDate } from "./format";

export type KeyCredits = ApiKeyDto["credits"];

const COUNT = new Intl.NumberFormat("en");

export function formatCredits(n: number): string {
  return COUNT.format(n);
}

/** "50,000 monthly (day 1)" / "100 daily": what a refill resets the balance to, and when. */
export function refillLabel(refill: NonNullable<KeyCredits>["refill"]): string | null {
  if (!refill) return null;
  const when = refill.interval === "daily" ? "daily" : `monthly (day ${refill.dayOfMonth ?? 1})`;
  return `${formatCredits(refill.amount)} ${when}`;
}

/** "Refills Jun 1, 2026" or null: the next refill, in UTC like every date on the dashboard. */
export function nextRefillLabel(credits: KeyCredits): string | null {
  return credits?.nextRefillAt ? `Refills ${formatDate(credits.nextRefillAt)}` : null;
}

/** Create-key presets (issue 12): unlimited, a trial, a monthly quota, or numbers of one's own. */
export const CREDIT_PRESETS = [
  { value: "none", label: "Unlimited (no credits)" },
  { value: "trial", label: "100 requests, trial" },
  { value: "monthly", label: "Monthly quota (50,000, refilled on the 1st)" },
  { value: "custom", label: "Custom" },
] as const;
export type CreditPreset = (typeof CREDIT_PRESETS)[number]["value"];

export const REFILL_OPTIONS = [
  { value: "none", label: "Never refills" },
  { value: "daily", label: "Refills daily (00:00 UTC)" },
  { value: "monthly", label: "Refills monthly (the 1st, 00:00 UTC)" },
] as const;
export type RefillChoice = (typeof REFILL_OPTIONS)[number]["value"];

/** The numbers a preset fills in; they stay editable. */
export function presetValues(preset: CreditPreset): {
  remaining: string;
  refill: RefillChoice;
  refillAmount: string;
} {
  if (preset === "trial") return { remaining: "100", refill: "none", refillAmount: "" };
  if (preset === "monthly") return { remaining: "50000", refill: "monthly", refillAmount: "50000" };
  return { remaining: "1000", refill: "none", refillAmount: "" };
}

const MAX = 1_000_000_000;

/** A whole number from 0 to 1 000 000 000, as typed; null when it is fine. */
export function creditAmountProblem(text: string): string | null {
  if (!/^\d+$/.test(text.trim())) return "Enter a whole number, 0 or more.";
  return Number(text) > MAX ? `At most ${formatCredits(MAX)}.` : null;
}

/** The API's `credits` from the form's text fields (undefined: unlimited). */
export function creditsFrom(values: {
  creditsPreset: string;
  creditsRemaining: string;
  creditsRefill: string;
  creditsRefillAmount: string;
}) {
  if (values.creditsPreset === "none") return undefined;
  const interval = values.creditsRefill;
  const refill =
    interval === "daily" || interval === "monthly"
      ? {
          interval: interval as "daily" | "monthly",
          amount: Number(values.creditsRefillAmount),
          ...(interval === "monthly" ? { dayOfMonth: 1 } : {}),
        }
      : null;
  return { remaining: Number(values.creditsRemaining), refill };
}
