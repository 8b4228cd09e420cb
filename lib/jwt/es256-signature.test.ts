import { sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newP256KeyPair } from "@/test/es256";
import { looksLikeDerSignature, verifyEs256Signature } from "./es256-signature";
import { importEs256PublicKey } from "./import-key";

/**
 * Wycheproof ECDSA P-256/SHA-256 vectors in IEEE P1363 form, the encoding JWS ES256 uses. A JWS
 * signing input is always ASCII, so arbitrary `msg` bytes cannot be wrapped into a token; instead
 * each vector goes through verifyEs256Signature, the exact function the compact verifier calls,
 * with the key imported by importEs256PublicKey, the exact function production uses. The vectors
 * are vendored under test/fixtures/wycheproof (Apache-2.0, with their LICENSE).
 */
type P1363Vector = {
  tcId: number;
  comment: string;
  msg: string;
  sig: string;
  result: string;
  flags: string[];
};
type P1363File = {
  numberOfTests: number;
  testGroups: { publicKeyPem: string; sha: string; tests: P1363Vector[] }[];
};

const file = new URL(
  "../../test/fixtures/wycheproof/ecdsa_secp256r1_sha256_p1363_test.json",
  import.meta.url,
);
const data = JSON.parse(readFileSync(file, "utf8")) as P1363File;

const cases = data.testGroups.flatMap((group) =>
  group.tests.map((test) => ({ ...test, publicKeyPem: group.publicKeyPem, sha: group.sha })),
);

describe("Wycheproof ecdsa_secp256r1_sha256_p1363", () => {
  it("loads every vector of the file", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.length).toBe(data.numberOfTests);
    expect(new Set(cases.map((c) => c.sha))).toEqual(new Set(["SHA-256"]));
  });

  // "acceptable" vectors (none in this file) would be rejected: Keydesk takes the strict side.
  it.each(cases)("tcId $tcId $comment → $result", ({ msg, sig, result, publicKeyPem }) => {
    const key = importEs256PublicKey(publicKeyPem);
    const accepted = verifyEs256Signature(Buffer.from(msg, "hex"), Buffer.from(sig, "hex"), key);
    expect(accepted).toBe(result === "valid");
  });
});

describe("verifyEs256Signature", () => {
  it("rejects a good signature under a different key and never throws on odd keys", () => {
    const signer = newP256KeyPair();
    const data = Buffer.from("signed bytes");
    const signature = sign("sha256", data, { key: signer.privateKey, dsaEncoding: "ieee-p1363" });
    expect(verifyEs256Signature(data, signature, signer.publicKey)).toBe(true);
    expect(verifyEs256Signature(data, signature, newP256KeyPair().publicKey)).toBe(false);
    // A private key object, even the matching one, is not a verification key here.
    expect(verifyEs256Signature(data, signature, signer.privateKey)).toBe(false);
  });

  it("recognises DER signatures of every length node produces", () => {
    const { privateKey } = newP256KeyPair();
    const lengths = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const der = sign("sha256", Buffer.from(`m${i}`), { key: privateKey, dsaEncoding: "der" });
      lengths.add(der.length);
      expect(looksLikeDerSignature(der)).toBe(true);
    }
    expect(lengths.has(70) || lengths.has(71) || lengths.has(72)).toBe(true);
    expect(looksLikeDerSignature(Buffer.alloc(64, 0x30))).toBe(false);
    expect(looksLikeDerSignature(Buffer.alloc(0))).toBe(false);
  });
});
