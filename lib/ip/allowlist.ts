import { z } from "zod";
import { parseIpRange } from "./ip-range";
import { compileIpRanges, type IpRangeMatcher } from "./ip-range-set";

export const MAX_ALLOWLIST_ENTRIES = 100;

export type AllowlistEntryResult = { ok: true; normalized: string } | { ok: false; message: string };

/**
 * Validates one allowlist entry: an IPv4 or IPv6 address or CIDR range. `normalized` is the
 * canonical form stored and shown (`203.0.113.0/24`, `2001:db8::/32`, a bare address for a single
 * host); see parseIpRange for host bits and IPv4-mapped ranges.
 */
export function parseAllowlistEntry(entry: string): AllowlistEntryResult {
  const parsed = parseIpRange(entry);
  return parsed.ok ? { ok: true, normalized: parsed.range.normalized } : parsed;
}

/** One entry, transformed to its normalized form; the message is safe to show next to the field. */
export const allowlistEntrySchema = z.string().transform((entry, ctx) => {
  const parsed = parseAllowlistEntry(entry);
  if (parsed.ok) return parsed.normalized;
  ctx.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});

/**
 * A whole allowlist as sent by the dashboard or the management API: at most 100 entries, each
 * normalized, duplicates (including different spellings of one range) removed, order kept.
 */
export const allowlistSchema = z
  .array(allowlistEntrySchema)
  .max(MAX_ALLOWLIST_ENTRIES, `An IP allowlist holds at most ${MAX_ALLOWLIST_ENTRIES} entries`)
  .transform((entries) => [...new Set(entries)]);

export type Allowlist = z.infer<typeof allowlistSchema>;

export interface CompiledAllowlist extends IpRangeMatcher {
  /** True for an empty allowlist, which means the key may be used from anywhere. */
  readonly allowsAll: boolean;
}

/**
 * Builds the matcher used on the verification hot path; compile once per key and cache it.
 *
 * An empty allowlist allows every address: that is what a key without IP restrictions means
 * (Powerverse and Unkey treat it the same way). A non-empty list is fail-closed: an address that
 * cannot be parsed (including "unknown") is not contained. Throws on an invalid entry (see
 * compileIpRanges for why that is not silently skipped).
 */
/** Shared by every key without an allowlist: a cache of a million keys holds one, not a million. */
const ALLOWS_ALL: CompiledAllowlist = Object.freeze({ size: 0, allowsAll: true, contains: () => true });

export function compileAllowlist(entries: readonly string[]): CompiledAllowlist {
  if (entries.length === 0) return ALLOWS_ALL;
  const ranges = compileIpRanges(entries);
  if (ranges.size === 0) return ALLOWS_ALL;
  return { size: ranges.size, allowsAll: false, contains: (ip) => ranges.contains(ip) };
}
