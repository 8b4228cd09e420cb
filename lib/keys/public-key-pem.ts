import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { type PemArmorProblem, pemLabels, pemLines, readSinglePemBlock } from "./pem-armor";

/** A P-256 SPKI PEM is ~180 bytes; the cap bounds work on hostile uploads. */
export const MAX_PUBLIC_KEY_PEM_LENGTH = 10 * 1024;

export interface P256Jwk {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
}

export type PublicKeyPemResult =
  | { ok: true; pem: string; jwk: P256Jwk; thumbprint: string }
  | { ok: false; code: "INVALID_KEY_FORMAT"; message: string };

const UPLOAD_P256 = "upload an EC P-256 (prime256v1) public key";
const EXPECTED_BLOCK = "a -----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY----- block";
const PRIVATE_KEY =
  "This is a private key — upload only public.pem (openssl ec -in private.pem -pubout -out public.pem)";
const CERTIFICATE =
  "This is a certificate — upload only its public key (openssl x509 -in cert.pem -pubkey -noout -out public.pem)";
const RSA = `RSA keys are not supported; ${UPLOAD_P256}`;

// Messages are fixed strings plus names produced by OpenSSL: the submitted text is never echoed.
const ARMOR_MESSAGES: Record<PemArmorProblem, string> = {
  no_block: `No PEM block found; expected ${EXPECTED_BLOCK}`,
  missing_header: "The -----BEGIN PUBLIC KEY----- header line is missing",
  missing_footer: "The -----END PUBLIC KEY----- footer line is missing",
  mismatched_footer: "The -----END …----- line does not match the -----BEGIN …----- line",
  multiple_blocks: "Found more than one PEM block; upload exactly one public key",
  stray_text: "Found text outside the -----BEGIN/END PUBLIC KEY----- lines; upload only the PEM block",
  bad_base64: "The text between the -----BEGIN/END PUBLIC KEY----- lines is not valid base64",
};

const CURVE_NAMES: Record<string, string> = {
  secp384r1: "P-384 (secp384r1)",
  secp521r1: "P-521 (secp521r1)",
  secp256k1: "secp256k1",
};

const KEY_TYPE_NAMES: Record<string, string> = {
  ed25519: "Ed25519",
  ed448: "Ed448",
  x25519: "X25519",
  x448: "X448",
  dsa: "DSA",
  dh: "Diffie-Hellman",
};

const fail = (message: string): PublicKeyPemResult => ({ ok: false, code: "INVALID_KEY_FORMAT", message });

/** What a wrong paste most often is, recognised from its labels or first characters. */
function misidentifiedInput(lines: readonly string[]): string | null {
  const labels = pemLabels(lines);
  // A private key is named first, whatever else is wrong: it is the mistake that matters.
  if (labels.some((label) => label.endsWith("PRIVATE KEY"))) return PRIVATE_KEY;
  if (labels.includes("CERTIFICATE REQUEST") || labels.includes("NEW CERTIFICATE REQUEST")) {
    return "This is a certificate signing request, not a public key; upload public.pem";
  }
  if (labels.some((label) => label.includes("CERTIFICATE"))) return CERTIFICATE;
  if (labels.includes("RSA PUBLIC KEY")) return RSA;
  if (labels.includes("EC PARAMETERS") && labels.length === 1) {
    return "This holds only EC curve parameters, not a key; upload public.pem";
  }
  if (labels.length > 1) return ARMOR_MESSAGES.multiple_blocks;
  const first = lines.find((line) => line !== "") ?? "";
  if (/^(ssh-|ecdsa-sha2-|sk-)/.test(first) || first.startsWith("---- BEGIN SSH2")) {
    return "This is an OpenSSH public key; convert it with ssh-keygen -e -m PKCS8 -f key.pub > public.pem";
  }
  if (first.startsWith("{")) return "This looks like a JWK; upload the key in PEM (SPKI) format instead";
  const label = labels[0];
  if (label !== undefined && label !== "PUBLIC KEY") {
    return `Unsupported PEM block type; expected ${EXPECTED_BLOCK}`;
  }
  return null;
}

function importSpki(der: Buffer): KeyObject | string {
  try {
    return createPublicKey({ key: der, format: "der", type: "spki" });
  } catch {
    for (const type of ["pkcs8", "sec1", "pkcs1"] as const) {
      try {
        createPrivateKey({ key: der, format: "der", type });
        return PRIVATE_KEY;
      } catch {
        // Not this encoding either; fall through to the generic message.
      }
    }
    return "The PEM block does not contain a valid public key (SubjectPublicKeyInfo)";
  }
}

function unsupportedKeyMessage(key: KeyObject): string | null {
  const type = key.asymmetricKeyType ?? "";
  if (type === "rsa" || type === "rsa-pss") return RSA;
  if (type !== "ec") {
    const name = KEY_TYPE_NAMES[type];
    return name
      ? `${name} keys are not supported; ${UPLOAD_P256}`
      : `This key type is not supported; ${UPLOAD_P256}`;
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === "prime256v1") return null;
  if (curve === undefined) return `EC keys without a named curve are not supported; ${UPLOAD_P256}`;
  return `${CURVE_NAMES[curve] ?? curve} keys are not supported; ${UPLOAD_P256}`;
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
export function p256JwkThumbprint(jwk: P256Jwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash("sha256").update(canonical, "utf8").digest("base64url");
}

/**
 * Accepts only an EC P-256 SPKI public key. The stored PEM is re-encoded from the key's
 * coordinates, so a compressed point or explicit curve parameters become the one standard form.
 */
export function parsePublicKeyPem(text: string): PublicKeyPemResult {
  if (typeof text !== "string" || text.trim() === "")
    return fail("No key provided; paste the contents of public.pem");
  if (text.length > MAX_PUBLIC_KEY_PEM_LENGTH) {
    return fail(
      `The key is too large (limit ${MAX_PUBLIC_KEY_PEM_LENGTH / 1024} KiB); a P-256 public key is ~180 bytes`,
    );
  }
  const lines = pemLines(text);
  const misidentified = misidentifiedInput(lines);
  if (misidentified) return fail(misidentified);
  const block = readSinglePemBlock(lines);
  if (!block.ok) return fail(ARMOR_MESSAGES[block.problem]);
  const key = importSpki(block.der);
  if (typeof key === "string") return fail(key);
  const unsupported = unsupportedKeyMessage(key);
  if (unsupported) return fail(unsupported);
  const { x, y } = key.export({ format: "jwk" });
  if (typeof x !== "string" || typeof y !== "string") return fail("The public key could not be read");
  const jwk: P256Jwk = { kty: "EC", crv: "P-256", x, y };
  const pem = createPublicKey({ key: { ...jwk }, format: "jwk" }).export({ type: "spki", format: "pem" });
  return { ok: true, pem: pem.toString(), jwk, thumbprint: p256JwkThumbprint(jwk) };
}
