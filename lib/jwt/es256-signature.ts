import { type KeyObject, verify } from "node:crypto";

/** JWS ES256 signatures are R‖S, each a 32-byte big-endian integer (RFC 7518 §3.4). */
export const ES256_SIGNATURE_BYTES = 64;

export const DER_SIGNATURE_HINT =
  "Signature is DER-encoded; JWS ES256 needs the 64-byte R||S (IEEE P1363) form";

/** Only an EC P-256 public key may verify ES256; anything else is a caller bug, never a pass. */
export function isP256PublicKey(key: KeyObject): boolean {
  return (
    key.type === "public" &&
    key.asymmetricKeyType === "ec" &&
    key.asymmetricKeyDetails?.namedCurve === "prime256v1"
  );
}

/**
 * The one ECDSA P-256/SHA-256 check every ES256 path goes through (and the one the Wycheproof
 * vectors exercise). Synchronous node:crypto on a ready KeyObject: ~70 µs, no promise, no key
 * import. The length is checked here rather than left to OpenSSL because P1363 has exactly one
 * valid size, and a shorter or longer blob must never be padded or truncated into a match.
 * Range checks on r and s (0 < r, s < n) are OpenSSL's. High-S signatures are valid ECDSA and
 * are accepted, as Wycheproof labels them; replay protection therefore never keys on signature
 * bytes. Never throws.
 */
export function verifyEs256Signature(data: Uint8Array, signature: Uint8Array, key: KeyObject): boolean {
  if (signature.length !== ES256_SIGNATURE_BYTES || !isP256PublicKey(key)) return false;
  try {
    return verify("sha256", data, { key, dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    return false;
  }
}

/**
 * Recognises an ASN.1 DER ECDSA-Sig-Value for P-256 (SEQUENCE of two INTEGERs, 8 to 72 bytes),
 * the form OpenSSL and many crypto libraries emit by default. Only used to word the error: a
 * client who signed with `crypto.sign` and no `dsaEncoding` gets told exactly what to change.
 */
export function looksLikeDerSignature(signature: Uint8Array): boolean {
  return (
    signature.length >= 8 &&
    signature.length <= 72 &&
    signature[0] === 0x30 &&
    signature[1] === signature.length - 2 &&
    signature[2] === 0x02
  );
}
