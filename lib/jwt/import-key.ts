import { createPublicKey, type KeyObject } from "node:crypto";
import { isP256PublicKey } from "./es256-signature";

const PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
const PEM_END = "-----END PUBLIC KEY-----";

/** Thrown for a PEM that is not an EC P-256 SPKI public key; the message says what it is instead. */
export class Es256KeyImportError extends Error {
  override name = "Es256KeyImportError";
}

/**
 * Turns a stored PEM into the KeyObject ES256 verification needs. Upload validation (lib/keys)
 * gives admins the friendly INVALID_KEY_FORMAT answer; this is the second line, for what comes
 * back out of the database. Only a single `BEGIN PUBLIC KEY` block is accepted because
 * createPublicKey would also take a private key or a certificate and quietly derive the public
 * half: a private key must never become a working credential by accident.
 */
export function importEs256PublicKey(pem: string): KeyObject {
  const text = typeof pem === "string" ? pem.trim() : "";
  if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END) || text.indexOf(PEM_BEGIN, 1) >= 0) {
    throw new Es256KeyImportError("Expected exactly one PEM block -----BEGIN PUBLIC KEY-----");
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: "pem", type: "spki" });
  } catch {
    throw new Es256KeyImportError("The PEM public key could not be parsed");
  }
  if (key.asymmetricKeyType !== "ec") {
    throw new Es256KeyImportError(
      `Expected an EC P-256 key, got ${key.asymmetricKeyType ?? "an unknown"} key`,
    );
  }
  if (!isP256PublicKey(key)) {
    const curve = key.asymmetricKeyDetails?.namedCurve ?? "unnamed";
    throw new Es256KeyImportError(`Expected curve P-256 (prime256v1), got ${curve}`);
  }
  return key;
}

export type KeyObjectCacheOptions = {
  /** Bound on memory with a million keys; the least recently used id is dropped first. */
  maxEntries?: number;
  /** Injected so tests can count imports; defaults to importEs256PublicKey. */
  importKey?: (pem: string) => KeyObject;
};

type Entry = { readonly version: string; readonly key: KeyObject };

/**
 * One imported KeyObject per public key (SPEC §7): parsing a PEM costs more than the signature
 * check itself, so it must not happen per request. Entries are keyed by key id and remember the
 * version they were built from (the JWK thumbprint, or any string that changes with the PEM); a
 * different version replaces the entry rather than sitting beside it, so a stale key object can
 * never be served and ids do not pile up.
 */
export class KeyObjectCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #importKey: (pem: string) => KeyObject;

  constructor(options: KeyObjectCacheOptions = {}) {
    const max = options.maxEntries ?? 10_000;
    this.#maxEntries = Number.isInteger(max) && max > 0 ? max : 10_000;
    this.#importKey = options.importKey ?? importEs256PublicKey;
  }

  /** The key object for `keyId` at `version`, importing `pem` only on a miss. Throws what the importer throws. */
  getOrImport(keyId: string, version: string, pem: string): KeyObject {
    const entry = this.#entries.get(keyId);
    // A Map iterates in insertion order, so re-inserting on every hit keeps the least recently
    // used id first: eviction is then O(1) with no extra bookkeeping.
    this.#entries.delete(keyId);
    if (entry !== undefined && entry.version === version) {
      this.#entries.set(keyId, entry);
      return entry.key;
    }
    const key = this.#importKey(pem);
    this.#entries.set(keyId, { version, key });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    return key;
  }

  /** Drops a key (rotation, revocation, cross-instance invalidation). */
  invalidate(keyId: string): void {
    this.#entries.delete(keyId);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
