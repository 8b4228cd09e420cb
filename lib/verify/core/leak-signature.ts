import { createPublicKey, type KeyObject, verify } from "node:crypto";

/**
 * GitHub secret-scanning partner alerts are signed with ECDSA P-256 / SHA-256 over the raw body;
 * the signature (base64, DER) and the signing key's identifier come in headers. Keys are
 * configured, never fetched from a URL a request names.
 */
export function createLeakSignatureVerifier(keysByIdentifier: Record<string, string>) {
  const keys = new Map<string, KeyObject>();
  for (const [identifier, pem] of Object.entries(keysByIdentifier))
    keys.set(identifier, createPublicKey(pem));
  return function verifyLeakSignature(
    rawBody: Buffer,
    identifier: string | null,
    signature: string | null,
  ): boolean {
    if (!identifier || !signature) return false;
    const key = keys.get(identifier);
    if (!key) return false;
    const bytes = Buffer.from(signature, "base64");
    if (bytes.length === 0 || bytes.length > 80) return false;
    try {
      return verify("sha256", rawBody, { key, dsaEncoding: "der" }, bytes);
    } catch {
      return false;
    }
  };
}
