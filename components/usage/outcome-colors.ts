/** One colour per outcome: green for success, warm colours for refusals, so failure stands out. */
export const OUTCOME_COLORS: Record<string, string> = {
  VALID: "#059669",
  INVALID_API_KEY: "#dc2626",
  INVALID_TOKEN: "#b91c1c",
  INVALID_SIGNATURE: "#991b1b",
  API_KEY_EXPIRED: "#f97316",
  TOKEN_EXPIRED: "#fb923c",
  TOKEN_NOT_YET_VALID: "#fdba74",
  TOKEN_LIFETIME_TOO_LONG: "#fcd34d",
  TOKEN_REPLAYED: "#a855f7",
  IP_NOT_ALLOWED: "#e11d48",
  ENVIRONMENT_MISMATCH: "#0ea5e9",
  INSUFFICIENT_SCOPE: "#f59e0b",
  RATE_LIMITED: "#6366f1",
  USAGE_EXCEEDED: "#8b5cf6",
  MISSING_CREDENTIALS: "#94a3b8",
};

export function outcomeColor(outcome: string): string {
  return OUTCOME_COLORS[outcome] ?? "#64748b";
}

export function outcomeLabel(outcome: string): string {
  return outcome === "VALID"
    ? "Valid"
    : outcome
        .toLowerCase()
        .replace(/_/g, " ")
        .replace(/^./, (c) => c.toUpperCase());
}
