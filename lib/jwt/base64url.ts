/**
 * Strict base64url (RFC 4648 §5, as RFC 7515 §2 uses it): no padding, no `+` or `/`, no whitespace,
 * and canonical, i.e. the unused low bits of the last character are zero. `Buffer.from(s,
 * "base64url")` alone is lenient — it skips characters it does not know and ignores the unused
 * bits — so two different token strings could decode to the same bytes. Rejecting them keeps one
 * byte string ↔ one token string, which matters to anything that keys on the token text.
 */

// Value of each ASCII code unit in the base64url alphabet, or -1. Built once at module load.
const ALPHABET_VALUE = new Int8Array(128).fill(-1);
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
for (let i = 0; i < ALPHABET.length; i++) ALPHABET_VALUE[ALPHABET.charCodeAt(i)] = i;

/**
 * True when `text.slice(start, end)` is canonical unpadded base64url. Works on the index range so
 * the hot path does not copy a segment just to look at it.
 */
export function isCanonicalBase64Url(text: string, start = 0, end = text.length): boolean {
  const length = end - start;
  // One leftover character cannot carry a whole byte: no encoder produces it.
  if (length % 4 === 1) return false;
  let last = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    last = code < 128 ? (ALPHABET_VALUE[code] ?? -1) : -1;
    if (last < 0) return false;
  }
  // 2 leftover characters carry 8 bits of 12, 3 carry 16 of 18: the rest must be zero.
  if (length % 4 === 2) return (last & 0x0f) === 0;
  if (length % 4 === 3) return (last & 0x03) === 0;
  return true;
}

/** Decodes canonical base64url, or returns null. Never throws. */
export function decodeBase64Url(text: string, start = 0, end = text.length): Buffer | null {
  if (!isCanonicalBase64Url(text, start, end)) return null;
  return Buffer.from(start === 0 && end === text.length ? text : text.slice(start, end), "base64url");
}
