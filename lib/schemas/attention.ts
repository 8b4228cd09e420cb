/** "What needs attention" (issue 14): the reasons, most urgent first, and what each lists. */
export const ATTENTION_REASONS = [
  "leaked",
  "failure_spike",
  "expiring",
  "rotation_grace",
  "never_used",
] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** `at`: the moment the reason is about (revoked, spike window, expiry, grace end, creation). */
export type AttentionKey = { id: string; name: string; at: string; detail?: string };
/** Per reason: how many keys have it, and the first few of them. */
export type Attention = Record<AttentionReason, { count: number; keys: AttentionKey[] }>;
