/**
 * JSON decoding for JOSE headers and JWT claim sets (RFC 7515 §4, RFC 7519 §7.2): UTF-8, a JSON
 * object and nothing else. Invalid UTF-8 is refused rather than replaced with U+FFFD, and a BOM is
 * kept (so JSON.parse refuses it), because a strict verifier should not accept bytes that another
 * parser could read differently. Duplicate member names are not detected: JSON.parse keeps the
 * last, and since the key never comes from these fields and `alg` is only compared with ES256,
 * a duplicate cannot steer verification to another key or algorithm.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Returns the object, or null for anything that is not UTF-8 JSON with an object at the top. */
export function parseJsonObject(bytes: Uint8Array): JsonObject | null {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    // Bad UTF-8, bad JSON, or nesting deep enough to overflow the parser's stack.
    return null;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/**
 * Reads an own member only. JSON.parse never sets prototypes, but a plain `obj.exp` would fall
 * through to Object.prototype, where a polluted `exp` or `sub` elsewhere in the process must not
 * turn into a claim.
 */
export function ownMember(object: JsonObject, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}
