import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets Keydesk must be able to read back (tenant signing secrets), with a key
 * derived from AUTH_SECRET: a database dump alone does not reveal them. Format: `v1.<iv>.<tag>.<ct>`.
 */
const VERSION = "v1";

function sealKey(authSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "keydesk-seal", purpose, 32));
}

export function seal(plaintext: string, authSecret: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(authSecret, purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Throws when the value was tampered with or sealed under another AUTH_SECRET. */
export function unseal(sealed: string, authSecret: string, purpose: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined)
    throw new Error("Unrecognized sealed value");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    sealKey(authSecret, purpose),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
