import { execFileSync } from "node:child_process";
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { VerifyClientJwtOptions } from "../lib/jwt/verify-client-jwt";

/**
 * ES256 keys and tokens for tests only (nothing in the app imports this): vitest suites, the JWT
 * verifier's unit tests and Playwright all use this one module. Tokens are assembled by hand rather
 * than with a JWT library so tests can produce exactly the malformed, mis-labelled or
 * differently-encoded tokens an attacker would.
 */

export type OpensslKeys = {
  p256Public: string;
  p256Private: string;
  p256PublicOther: string;
  p384Public: string;
  rsaPublic: string;
  certificate: string;
  dir: string;
};

/** Key files made by the openssl CLI, exactly as seed 000 tells customers to make them. */
export function makeOpensslKeys(): OpensslKeys {
  const dir = mkdtempSync(path.join(tmpdir(), "keydesk-pem-"));
  const run = (...args: string[]) =>
    execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "private.pem");
  run("ec", "-in", "private.pem", "-pubout", "-out", "public.pem");
  run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "other-private.pem");
  run("ec", "-in", "other-private.pem", "-pubout", "-out", "other-public.pem");
  run("ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "p384-private.pem");
  run("ec", "-in", "p384-private.pem", "-pubout", "-out", "p384-public.pem");
  run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa-private.pem");
  run("pkey", "-in", "rsa-private.pem", "-pubout", "-out", "rsa-public.pem");
  run(
    "req",
    "-x509",
    "-new",
    "-key",
    "private.pem",
    "-subj",
    "/CN=keydesk-test",
    "-days",
    "1",
    "-out",
    "cert.pem",
  );
  const read = (name: string) => readFileSync(path.join(dir, name), "utf8");
  return {
    dir,
    p256Public: read("public.pem"),
    p256Private: read("private.pem"),
    p256PublicOther: read("other-public.pem"),
    p384Public: read("p384-public.pem"),
    rsaPublic: read("rsa-public.pem"),
    certificate: read("cert.pem"),
  };
}

/** RFC 7638 thumbprint of a P-256 public key, computed independently of Keydesk's own code. */
export function jwkThumbprint(publicPem: string): string {
  const jwk = createPublicKey(publicPem).export({ format: "jwk" });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash("sha256").update(canonical).digest("base64url");
}

export function b64url(data: string | Uint8Array): string {
  return Buffer.from(data).toString("base64url");
}

export type P256KeyPair = { privateKey: KeyObject; publicKey: KeyObject; publicPem: string };

export function newP256KeyPair(): P256KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, publicKey, publicPem: publicKey.export({ format: "pem", type: "spki" }).toString() };
}

/** `base64url(header).base64url(payload)`; a string payload is used as is, anything else as JSON. */
export function signingInput(header: unknown, payload: unknown): string {
  const payloadText = typeof payload === "string" ? payload : JSON.stringify(payload);
  return `${b64url(JSON.stringify(header))}.${b64url(payloadText)}`;
}

/**
 * A compact ES256 JWS, with a key object or a PEM private key (as openssl writes it);
 * `dsaEncoding: "der"` makes the mistake many ECDSA APIs make by default.
 */
export function signEs256(
  header: unknown,
  payload: unknown,
  privateKey: KeyObject | string,
  dsaEncoding: "ieee-p1363" | "der" = "ieee-p1363",
): string {
  const input = signingInput(header, payload);
  const key = typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
  const signature = sign("sha256", Buffer.from(input), { key, dsaEncoding });
  return `${input}.${b64url(signature)}`;
}

export const TEST_KEY_ID = "key_AbCdEfGhIjKlMnOpQrStUvWx";
/** A fixed clock: 2025-01-01T00:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2025, 0, 1);
export const TEST_NOW_S = TEST_NOW_MS / 1000;

export type TestResolvedKey = { keyObject: KeyObject; tenantId: string; maxTokenLifetimeSeconds?: number };

/** One registered public key, a resolver over it that counts lookups, and a token factory. */
export function clientJwtFixture(maxTokenLifetimeSeconds?: number) {
  const pair = newP256KeyPair();
  const resolved: TestResolvedKey = {
    keyObject: pair.publicKey,
    tenantId: "ten_test",
    maxTokenLifetimeSeconds,
  };
  const lookups: string[] = [];
  const resolveKey = (keyId: string) => {
    lookups.push(keyId);
    return keyId === TEST_KEY_ID ? resolved : null;
  };
  const claims = (extra: Record<string, unknown> = {}) => ({
    sub: TEST_KEY_ID,
    iat: TEST_NOW_S,
    exp: TEST_NOW_S + 300,
    ...extra,
  });
  const token = (
    extra: Record<string, unknown> = {},
    header: Record<string, unknown> = { alg: "ES256", typ: "JWT" },
  ) => signEs256(header, claims(extra), pair.privateKey);
  const options: VerifyClientJwtOptions<TestResolvedKey> = {
    now: TEST_NOW_MS,
    resolveKey,
    maxLifetimeSeconds: (key: TestResolvedKey) => key.maxTokenLifetimeSeconds,
  };
  return { pair, resolved, lookups, claims, token, options };
}

const B64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * For a 64-byte signature (86 characters, the last carrying 2 data bits and 4 zero bits): the same
 * token with the last character's lowest unused bit set. It decodes to the same bytes, so only a
 * canonical-encoding check can tell them apart.
 */
export function withNonCanonicalSignatureEnding(token: string): string {
  const last = token.at(-1) ?? "";
  return token.slice(0, -1) + (B64URL_ALPHABET[B64URL_ALPHABET.indexOf(last) | 1] ?? "");
}
