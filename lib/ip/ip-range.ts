import { formatIp, type ParsedIp, parseIp } from "./parse-ip";

/** A CIDR range as network and mask words (one word for IPv4, four for IPv6). */
export interface IpRange {
  readonly family: 4 | 6;
  readonly prefix: number;
  readonly network: readonly number[];
  readonly mask: readonly number[];
  /** Canonical text: a bare address for a single host, otherwise `network/prefix`. */
  readonly normalized: string;
}

export type ParseIpRangeResult = { ok: true; range: IpRange } | { ok: false; message: string };

const MAPPED_BITS = 96;

function quote(input: string): string {
  return JSON.stringify(input.length > 50 ? `${input.slice(0, 50)}…` : input);
}

function maskWord(prefix: number, wordIndex: number): number {
  const bits = Math.min(32, Math.max(0, prefix - wordIndex * 32));
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

function notAnAddress(input: string, address: string): string {
  if (address.includes("%")) return `${quote(input)}: zone ids (after "%") are local to one machine`;
  if (/^[\d.]+:\d+$|^\[.*\]:\d+$/.test(address)) return `${quote(input)}: remove the port number`;
  return `${quote(input)} is not an IPv4 or IPv6 address or CIDR range`;
}

/**
 * Parses `address` or `address/prefix`. A range with host bits set (`10.0.0.1/8`) is refused rather
 * than silently widened: it usually means the admin meant one host, and allowing 16 million
 * addresses on their behalf is the wrong guess. The message offers both readings.
 *
 * Ranges written inside the IPv4-mapped block (`::ffff:10.0.0.0/104`) become IPv4 ranges
 * (`10.0.0.0/8`), since mapped clients are matched as IPv4. Wider IPv6 ranges (`::/0`) stay IPv6 and
 * do not admit IPv4 clients: someone writing `::/0` means "any IPv6 client", not "everyone".
 */
export function parseIpRange(raw: string): ParseIpRangeResult {
  const input = raw.trim();
  if (input === "") return { ok: false, message: "IP address or CIDR range is empty" };
  if (/\s/.test(input)) return { ok: false, message: notAnAddress(input, input) };
  const slash = input.indexOf("/");
  const addressText = slash < 0 ? input : input.slice(0, slash);
  const address = parseIp(addressText);
  if (address === null) return { ok: false, message: notAnAddress(input, addressText) };

  const writtenAsV6 = addressText.includes(":");
  const maxPrefix = writtenAsV6 ? 128 : 32;
  let prefix = maxPrefix;
  if (slash >= 0) {
    const prefixText = input.slice(slash + 1);
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > maxPrefix) {
      return { ok: false, message: `${quote(input)}: prefix length must be 0–${maxPrefix}` };
    }
    prefix = Number(prefixText);
  }
  if (writtenAsV6 && address.family === 4) {
    // A mapped address with a prefix shorter than /96 has the `ffff` bits inside its host part.
    if (prefix < MAPPED_BITS) {
      return hostBitsError(input, { family: 6, words: [0, 0, 0xffff, address.words[0]] }, prefix);
    }
    prefix -= MAPPED_BITS;
  }
  return buildRange(input, address, prefix);
}

function buildRange(input: string, address: ParsedIp, prefix: number): ParseIpRangeResult {
  const mask = address.words.map((_, i) => maskWord(prefix, i));
  const network = address.words.map((w, i) => (w & (mask[i] ?? 0)) >>> 0);
  if (network.some((w, i) => w !== address.words[i])) return hostBitsError(input, address, prefix);
  const full = address.family === 4 ? 32 : 128;
  const text = formatIp(address);
  return {
    ok: true,
    range: {
      family: address.family,
      prefix,
      network,
      mask,
      normalized: prefix === full ? text : `${text}/${prefix}`,
    },
  };
}

function networkOf(address: ParsedIp, prefix: number): ParsedIp {
  const [a = 0, b = 0, c = 0, d = 0] = address.words.map((w, i) => (w & maskWord(prefix, i)) >>> 0);
  return address.family === 4 ? { family: 4, words: [a] } : { family: 6, words: [a, b, c, d] };
}

function hostBitsError(input: string, address: ParsedIp, prefix: number): ParseIpRangeResult {
  const network = formatIp(networkOf(address, prefix));
  const host = input.slice(0, input.indexOf("/"));
  return {
    ok: false,
    message: `${quote(input)} has host bits set: use ${network}/${prefix} for the network or ${host} for one address`,
  };
}
