import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPKCS8, SignJWT } from "jose";
import jwt from "jsonwebtoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEY_ID } from "@/test/es256";
import { importEs256PublicKey } from "./import-key";
import { verifyClientJwt } from "./verify-client-jwt";

/**
 * Seed 000 tells clients to make keys with the openssl CLI and sign with `jsonwebtoken`. This runs
 * exactly that, at test time, so a change in either tool's output (SEC1 vs PKCS#8 keys, DER vs
 * R‖S signatures, extra header members) shows up here before a customer meets it.
 */
let dir = "";
let privatePem = "";
let publicPem = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "keydesk-jwt-"));
  const privatePath = join(dir, "private.pem");
  const publicPath = join(dir, "public.pem");
  execFileSync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", privatePath]);
  execFileSync("openssl", ["ec", "-in", privatePath, "-pubout", "-out", publicPath], { stdio: "pipe" });
  privatePem = readFileSync(privatePath, "utf8");
  publicPem = readFileSync(publicPath, "utf8");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function optionsFor(pem: string) {
  const keyObject = importEs256PublicKey(pem);
  return { now: Date.now(), resolveKey: (id: string) => (id === TEST_KEY_ID ? { keyObject } : null) };
}

describe("seed 000 client snippets", () => {
  it("openssl keys + jsonwebtoken, signed exactly as the Node snippet does", async () => {
    expect(privatePem).toContain("BEGIN EC PRIVATE KEY");
    const token = jwt.sign(
      {
        sub: TEST_KEY_ID,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 300, // 5 minutes
      },
      privatePem,
      { algorithm: "ES256" },
    );
    const result = await verifyClientJwt(token, optionsFor(publicPem));
    expect(result).toMatchObject({ ok: true, keyId: TEST_KEY_ID, claims: { sub: TEST_KEY_ID } });
  });

  it("rejects the same token against a different uploaded key", async () => {
    const token = jwt.sign({ sub: TEST_KEY_ID, iat: Math.floor(Date.now() / 1000) }, privatePem, {
      algorithm: "ES256",
      expiresIn: 300,
    });
    const otherPem = execFileSync("openssl", ["ec", "-pubout"], {
      input: execFileSync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout"]),
      stdio: ["pipe", "pipe", "pipe"],
    }).toString();
    expect(await verifyClientJwt(token, optionsFor(otherPem))).toMatchObject({
      ok: false,
      code: "INVALID_SIGNATURE",
    });
  });

  it("a jose-signed token (with kid = sub and a jti) is accepted too", async () => {
    const pkcs8 = execFileSync("openssl", ["pkcs8", "-topk8", "-nocrypt"], { input: privatePem }).toString();
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ jti: "a3f1c2" })
      .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: TEST_KEY_ID })
      .setSubject(TEST_KEY_ID)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(await importPKCS8(pkcs8, "ES256"));
    const result = await verifyClientJwt(token, optionsFor(publicPem));
    expect(result.ok && result.claims.jti).toBe("a3f1c2");
  });
});
