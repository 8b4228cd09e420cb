import { randomBytes } from "node:crypto";

/** ASCII order, so base62 strings of equal width sort like the numbers they encode. */
export const BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const BASE62_RE = /^[0-9A-Za-z]+$/;
// 248 = 4 × 62: bytes at or above it are dropped so that `byte % 62` is uniform (no modulo bias).
const REJECT_FROM = 248;
// 62^8 < 2^53, so 8 digits fit a float exactly. Longer runs are split in halves so that BigInt
// work stays sub-quadratic: decoding runs on untrusted multi-KiB tokens before any signature check.
const LEAF_DIGITS = 8;
const LOG2_62 = Math.log2(62);

export function randomBase62(length: number): string {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError("length must be a non-negative integer");
  }
  let out = "";
  while (out.length < length) {
    // ~3% of bytes are rejected; the slack keeps this to one randomBytes call almost always.
    const pool = randomBytes(length - out.length + 16);
    for (const byte of pool) {
      if (byte >= REJECT_FROM) continue;
      out += BASE62_ALPHABET.charAt(byte % 62);
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * Split point for a run of `length` digits: the low part is LEAF_DIGITS × 2^k, so only
 * log-many powers of 62 are ever cached, whatever lengths an attacker sends.
 */
function lowPartLength(length: number): number {
  let low = LEAF_DIGITS;
  while (low * 2 < length) low *= 2;
  return low;
}

const powers = new Map<number, bigint>();
function pow62(exponent: number): bigint {
  let p = powers.get(exponent);
  if (p === undefined) {
    p = 62n ** BigInt(exponent);
    powers.set(exponent, p);
  }
  return p;
}

/** Exactly `width` digits of `n` (which must be < 62^width), most significant first. */
function toDigits(n: bigint, width: number): string {
  if (width <= LEAF_DIGITS) {
    let rest = Number(n);
    let out = "";
    for (let i = 0; i < width; i++) {
      out = BASE62_ALPHABET.charAt(rest % 62) + out;
      rest = Math.floor(rest / 62);
    }
    return out;
  }
  const low = lowPartLength(width);
  const p = pow62(low);
  return toDigits(n / p, width - low) + toDigits(n % p, low);
}

function fromDigits(str: string, start: number, end: number): bigint {
  if (end - start <= LEAF_DIGITS) {
    let n = 0;
    for (let i = start; i < end; i++) n = n * 62 + BASE62_ALPHABET.indexOf(str.charAt(i));
    return BigInt(n);
  }
  const mid = end - lowPartLength(end - start);
  return fromDigits(str, start, mid) * pow62(end - mid) + fromDigits(str, mid, end);
}

/**
 * `n` (a safe non-negative integer, below 62^width) as exactly `width` base62 digits, in plain
 * float arithmetic: what `encodeBase62` gives for the same number, without a BigInt. For the
 * checksum every secret key is parsed with (issue 10).
 */
export function encodeIntBase62(n: number, width: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("n must be a safe non-negative integer");
  let rest = n;
  let out = "";
  for (let i = 0; i < width; i++) {
    out = BASE62_ALPHABET.charAt(rest % 62) + out;
    rest = Math.floor(rest / 62);
  }
  if (rest !== 0) throw new RangeError(`${n} needs more than ${width} base62 digits`);
  return out;
}

/**
 * Big-endian base62 of `bytes` read as one unsigned integer. Leading zero bytes are not
 * representable without `width`/`byteLength`; with `width` the output is left-padded with '0'
 * and a value too large for it throws (a silent truncation would corrupt signatures).
 */
export function encodeBase62(bytes: Uint8Array, width?: number): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
  const n = hex === "" ? 0n : BigInt(`0x${hex}`);
  const maxDigits = Math.ceil((hex.length * 4) / LOG2_62) + 1;
  const digits = toDigits(n, maxDigits).replace(/^0+(?=.)/, "");
  if (width === undefined) return digits;
  if (digits.length > width)
    throw new RangeError(`value needs ${digits.length} base62 digits, width is ${width}`);
  return digits.padStart(width, "0");
}

/**
 * Inverse of `encodeBase62`. Without `byteLength` the result is the minimal big-endian form
 * (zero decodes to an empty array). Returns null for non-alphabet characters, an empty string,
 * or a value that does not fit in `byteLength` bytes.
 */
export function decodeBase62(str: string, byteLength?: number): Uint8Array | null {
  if (!BASE62_RE.test(str)) return null;
  const n = fromDigits(str, 0, str.length);
  let hex = n === 0n ? "" : n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const minimal = Buffer.from(hex, "hex");
  if (byteLength === undefined) return new Uint8Array(minimal);
  if (minimal.length > byteLength) return null;
  const out = new Uint8Array(byteLength);
  out.set(minimal, byteLength - minimal.length);
  return out;
}
