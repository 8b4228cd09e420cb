import { parseIpRange } from "./ip-range";
import { type ParsedIp, parseIp, parseIpv4 } from "./parse-ip";

/** What resolveClientIp needs from a list of trusted proxies; allowlists satisfy it too. */
export interface IpRangeMatcher {
  /** Number of ranges; 0 means the list is empty and must not be relied on. */
  readonly size: number;
  contains(ip: string): boolean;
}

export interface IpRangeSet extends IpRangeMatcher {
  containsParsed(ip: ParsedIp): boolean;
}

/**
 * Pre-parses CIDR ranges into flat typed arrays so that a lookup is a string scan plus a few
 * integer comparisons per range, with no allocation for IPv4 clients: this runs on every
 * verification request. An empty set contains nothing (allowlists give "empty" its own meaning).
 *
 * Throws on an invalid entry: entries are validated when saved, so a bad one here is a bug or a
 * tampered row, and silently dropping it could turn a narrow list into an empty one.
 */
export function compileIpRanges(entries: readonly string[]): IpRangeSet {
  const v4Networks: number[] = [];
  const v4Masks: number[] = [];
  const v6Networks: number[] = [];
  const v6Masks: number[] = [];
  for (const entry of entries) {
    const parsed = parseIpRange(entry);
    if (!parsed.ok) throw new Error(`Invalid IP range: ${parsed.message}`);
    const { family, network, mask } = parsed.range;
    (family === 4 ? v4Networks : v6Networks).push(...network);
    (family === 4 ? v4Masks : v6Masks).push(...mask);
  }
  return new RangeSet(
    Uint32Array.from(v4Networks),
    Uint32Array.from(v4Masks),
    Uint32Array.from(v6Networks),
    Uint32Array.from(v6Masks),
  );
}

class RangeSet implements IpRangeSet {
  readonly size: number;

  constructor(
    private readonly v4Networks: Uint32Array,
    private readonly v4Masks: Uint32Array,
    private readonly v6Networks: Uint32Array,
    private readonly v6Masks: Uint32Array,
  ) {
    this.size = v4Networks.length + v6Networks.length / 4;
  }

  contains(ip: string): boolean {
    const v4 = parseIpv4(ip);
    if (v4 >= 0) return this.containsV4(v4);
    const parsed = parseIp(ip);
    return parsed !== null && this.containsParsed(parsed);
  }

  containsParsed(ip: ParsedIp): boolean {
    return ip.family === 4 ? this.containsV4(ip.words[0]) : this.containsV6(ip.words);
  }

  private containsV4(address: number): boolean {
    const networks = this.v4Networks;
    const masks = this.v4Masks;
    for (let i = 0; i < networks.length; i++) {
      if ((address & (masks[i] ?? 0)) >>> 0 === networks[i]) return true;
    }
    return false;
  }

  private containsV6(words: readonly [number, number, number, number]): boolean {
    const networks = this.v6Networks;
    const masks = this.v6Masks;
    for (let i = 0; i < networks.length; i += 4) {
      let match = true;
      for (let w = 0; w < 4 && match; w++) {
        match = ((words[w] ?? 0) & (masks[i + w] ?? 0)) >>> 0 === networks[i + w];
      }
      if (match) return true;
    }
    return false;
  }
}
