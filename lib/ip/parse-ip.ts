import ipaddr from "ipaddr.js";

/**
 * An address in the form the matchers compare: IPv4 as one unsigned 32-bit word, IPv6 as four.
 * IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is always reduced to IPv4: a dual-stack Node socket reports
 * IPv4 peers that way, and an allowlist written as `203.0.113.0/24` must still match them.
 */
export type ParsedIp =
  | { readonly family: 4; readonly words: readonly [number] }
  | { readonly family: 6; readonly words: readonly [number, number, number, number] };

// Longest textual IPv6 with brackets is 47 characters; anything far longer is garbage, and
// refusing it early keeps a hostile header from reaching the regex-based parser.
const MAX_INPUT_LENGTH = 64;
const MAPPED_PREFIX = "::ffff:";

/**
 * Strict dotted-quad parser: exactly four decimal parts, 0–255, no leading zeros. Returns the
 * address as an unsigned 32-bit integer, or -1. Legacy forms (`127.1`, `0x7f.0.0.1`, `010.0.0.1`,
 * which some resolvers read as octal) are refused so that no two spellings name different hosts.
 */
export function parseIpv4(s: string, start = 0): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // leading zero
      part = part * 10 + (c - 48);
      if (part > 255) return -1;
      digits++;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + part;
}

function hasMappedPrefix(s: string): boolean {
  return s.length > MAPPED_PREFIX.length && s.slice(0, MAPPED_PREFIX.length).toLowerCase() === MAPPED_PREFIX;
}

/** Parses an IPv6 literal (no brackets, no zone) into four words, handling an embedded dotted quad. */
function parseIpv6(s: string): ParsedIp | null {
  let text = s;
  const lastColon = text.lastIndexOf(":");
  if (lastColon < 0 || text.includes("%")) return null; // zone ids name a local interface: meaningless here
  if (text.includes(".", lastColon)) {
    // ipaddr.js reads the embedded IPv4 part leniently (hex, octal) and turns `::1.2.3.4` into a
    // mapped address; convert the quad to two hex groups ourselves so RFC 4291's meaning holds.
    const quad = parseIpv4(text, lastColon + 1);
    if (quad < 0) return null;
    text = `${text.slice(0, lastColon + 1)}${Math.floor(quad / 65536).toString(16)}:${(quad % 65536).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(text)) return null;
  const p = ipaddr.IPv6.parse(text).parts;
  const word = (i: number) => ((p[i] ?? 0) * 65536 + (p[i + 1] ?? 0)) >>> 0;
  if (word(0) === 0 && word(2) === 0 && word(4) === 0x0000ffff) return { family: 4, words: [word(6)] };
  return { family: 6, words: [word(0), word(2), word(4), word(6)] };
}

/**
 * Parses an IPv4 or IPv6 address (optionally `[bracketed]`) into words, or null for anything else:
 * ports, zone ids, CIDR suffixes, host names, legacy IPv4 spellings, surrounding garbage.
 */
export function parseIp(input: string): ParsedIp | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  let s = input.trim();
  const v4 = parseIpv4(s);
  if (v4 >= 0) return { family: 4, words: [v4] };
  if (s.startsWith("[")) {
    if (!s.endsWith("]")) return null; // `[::1]:8080` carries a port
    s = s.slice(1, -1);
  }
  return parseIpv6(s);
}

export function formatIp(ip: ParsedIp): string {
  if (ip.family === 4) {
    const w = ip.words[0];
    return `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
  }
  const parts: number[] = [];
  for (const w of ip.words) parts.push(w >>> 16, w & 0xffff);
  return new ipaddr.IPv6(parts).toRFC5952String();
}

/**
 * Canonical text for an address, or null when `input` is not exactly one address. IPv4 stays
 * dotted-quad, IPv4-mapped IPv6 becomes IPv4, IPv6 is lower-case RFC 5952 (`2001:db8::1`).
 */
export function normalizeIp(input: string): string | null {
  // Fast paths for what sockets report on every request: a plain IPv4 peer and its mapped form.
  if (parseIpv4(input) >= 0) return input;
  if (hasMappedPrefix(input) && parseIpv4(input, MAPPED_PREFIX.length) >= 0) {
    return input.slice(MAPPED_PREFIX.length);
  }
  const parsed = parseIp(input);
  return parsed === null ? null : formatIp(parsed);
}
