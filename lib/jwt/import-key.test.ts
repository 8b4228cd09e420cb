import { execFileSync } from "node:child_process";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientJwtFixture, newP256KeyPair, TEST_KEY_ID } from "@/test/es256";
import { isP256PublicKey } from "./es256-signature";
import { Es256KeyImportError, importEs256PublicKey, KeyObjectCache } from "./import-key";
import { verifyClientJwt } from "./verify-client-jwt";

/** A P-256 certificate made by the openssl CLI, as an admin might paste by mistake. */
function selfSignedCertificate(privatePem: string): string {
  const dir = mkdtempSync(join(tmpdir(), "keydesk-cert-"));
  try {
    const keyPath = join(dir, "key.pem");
    writeFileSync(keyPath, privatePem);
    const args = ["req", "-x509", "-key", keyPath, "-subj", "/CN=k", "-days", "1"];
    return execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pemOf(key: KeyObject): string {
  return key.export({ format: "pem", type: key.type === "private" ? "pkcs8" : "spki" }).toString();
}

describe("importEs256PublicKey", () => {
  it("imports a P-256 SPKI PEM, tolerating surrounding whitespace", () => {
    const { publicPem } = newP256KeyPair();
    expect(isP256PublicKey(importEs256PublicKey(`\n  ${publicPem}\n\n`))).toBe(true);
  });

  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
  const ed = generateKeyPairSync("ed25519");
  const p256 = newP256KeyPair();
  const sec1 = p256.privateKey.export({ format: "pem", type: "sec1" }).toString();
  const certificate = selfSignedCertificate(sec1);

  it.each([
    ["an RSA key", pemOf(rsa.publicKey), /EC P-256 key, got rsa/],
    ["a P-384 key", pemOf(p384.publicKey), /got secp384r1/],
    ["an Ed25519 key", pemOf(ed.publicKey), /got ed25519/],
    ["a PKCS#8 private key", pemOf(p256.privateKey), /BEGIN PUBLIC KEY/],
    ["a SEC1 private key", sec1, /BEGIN PUBLIC KEY/],
    ["a certificate", certificate, /BEGIN PUBLIC KEY/],
    ["two keys", `${p256.publicPem}${newP256KeyPair().publicPem}`, /exactly one/],
    ["a truncated body", p256.publicPem.replace(/\n[^\n-]+\n-----END/, "\n-----END"), /could not be parsed/],
    ["garbage", "hello", /BEGIN PUBLIC KEY/],
  ])("refuses %s", (_name, pem, message) => {
    expect(() => importEs256PublicKey(pem)).toThrow(Es256KeyImportError);
    expect(() => importEs256PublicKey(pem)).toThrow(message);
  });
});

function countingCache(maxEntries?: number) {
  const imported: string[] = [];
  const cache = new KeyObjectCache({
    maxEntries,
    importKey: (pem) => {
      imported.push(pem);
      return importEs256PublicKey(pem);
    },
  });
  return { cache, imported };
}

describe("KeyObjectCache", () => {
  it("imports a key once across many verifications", async () => {
    const f = clientJwtFixture();
    const { cache, imported } = countingCache();
    const options = {
      now: f.options.now,
      resolveKey: (id: string) =>
        id === TEST_KEY_ID ? { keyObject: cache.getOrImport(id, "thumbprint-1", f.pair.publicPem) } : null,
    };
    for (let i = 0; i < 200; i++)
      expect((await verifyClientJwt(f.token({ jti: `j${i}` }), options)).ok).toBe(true);
    expect(imported).toHaveLength(1);
  });

  it("re-imports when the version changes, and after invalidation", () => {
    const { cache, imported } = countingCache();
    const a = newP256KeyPair().publicPem;
    const b = newP256KeyPair().publicPem;
    const first = cache.getOrImport("key_a", "v1", a);
    expect(cache.getOrImport("key_a", "v1", a)).toBe(first);
    expect(cache.getOrImport("key_a", "v2", b)).not.toBe(first);
    expect(cache.size).toBe(1);
    cache.invalidate("key_a");
    cache.getOrImport("key_a", "v2", b);
    expect(imported).toEqual([a, b, b]);
  });

  it("evicts the least recently used id when full", () => {
    const { cache, imported } = countingCache(2);
    const pems = [newP256KeyPair().publicPem, newP256KeyPair().publicPem, newP256KeyPair().publicPem];
    const [a = "", b = "", c = ""] = pems;
    cache.getOrImport("key_a", "v", a);
    cache.getOrImport("key_b", "v", b);
    cache.getOrImport("key_a", "v", a); // a is now the most recently used
    cache.getOrImport("key_c", "v", c); // evicts b
    expect(cache.size).toBe(2);
    cache.getOrImport("key_a", "v", a);
    expect(imported).toEqual([a, b, c]);
    cache.getOrImport("key_b", "v", b);
    expect(imported).toEqual([a, b, c, b]);
  });

  it("does not cache a failed import", () => {
    const { cache, imported } = countingCache();
    expect(() => cache.getOrImport("key_x", "v", "bad")).toThrow(Es256KeyImportError);
    expect(() => cache.getOrImport("key_x", "v", "bad")).toThrow(Es256KeyImportError);
    expect(imported).toHaveLength(2);
    expect(cache.size).toBe(0);
  });
});
