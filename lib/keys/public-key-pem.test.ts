import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { calculateJwkThumbprint } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PUBLIC_KEY_PEM_LENGTH, parsePublicKeyPem } from "./public-key-pem";

const RSA_MESSAGE = "RSA keys are not supported; upload an EC P-256 (prime256v1) public key";
const PRIVATE_MESSAGE =
  "This is a private key — upload only public.pem (openssl ec -in private.pem -pubout -out public.pem)";

let dir = "";
const files: Record<string, string> = {};

function openssl(...args: string[]): string {
  return execFileSync("openssl", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "keydesk-pem-"));
  openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "private.pem");
  openssl("ec", "-in", "private.pem", "-pubout", "-out", "public.pem");
  openssl("ec", "-in", "private.pem", "-pubout", "-conv_form", "compressed", "-out", "compressed.pem");
  openssl("ec", "-in", "private.pem", "-pubout", "-param_enc", "explicit", "-out", "explicit.pem");
  openssl("pkcs8", "-topk8", "-nocrypt", "-in", "private.pem", "-out", "pkcs8.pem");
  openssl("ec", "-in", "private.pem", "-aes256", "-passout", "pass:x", "-out", "encrypted.pem");
  openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "with-params.pem");
  openssl("req", "-x509", "-new", "-key", "private.pem", "-subj", "/CN=t", "-days", "1", "-out", "cert.pem");
  openssl("req", "-new", "-key", "private.pem", "-subj", "/CN=t", "-out", "csr.pem");
  openssl("x509", "-in", "cert.pem", "-pubkey", "-noout", "-out", "from-cert.pem");
  for (const curve of ["secp384r1", "secp521r1", "secp256k1"]) {
    openssl("ecparam", "-name", curve, "-genkey", "-noout", "-out", `${curve}-private.pem`);
    openssl("ec", "-in", `${curve}-private.pem`, "-pubout", "-out", `${curve}.pem`);
  }
  openssl("genpkey", "-algorithm", "ed25519", "-out", "ed25519-private.pem");
  openssl("pkey", "-in", "ed25519-private.pem", "-pubout", "-out", "ed25519.pem");
  openssl("genpkey", "-algorithm", "rsa", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa-pkcs8.pem");
  openssl("pkey", "-in", "rsa-pkcs8.pem", "-pubout", "-out", "rsa.pem");
  openssl("rsa", "-in", "rsa-pkcs8.pem", "-RSAPublicKey_out", "-out", "rsa-pkcs1-public.pem");
  openssl("rsa", "-in", "rsa-pkcs8.pem", "-traditional", "-out", "rsa-private.pem");
  for (const name of execFileSync("ls", [dir], { encoding: "utf8" }).trim().split("\n")) {
    files[name.replace(/\.pem$/, "")] = readFileSync(join(dir, name), "utf8");
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function file(name: string): string {
  const text = files[name];
  if (text === undefined) throw new Error(`fixture ${name} was not generated`);
  return text;
}

function expectRefused(text: string, message: string | RegExp): void {
  const result = parsePublicKeyPem(text);
  if (result.ok) throw new Error("expected the key to be refused");
  expect(result.code).toBe("INVALID_KEY_FORMAT");
  if (typeof message === "string") expect(result.message).toBe(message);
  else expect(result.message).toMatch(message);
  // The submitted text must never be echoed: no line of it may appear in the message.
  for (const line of text.split(/\r?\n/)) {
    if (line.trim().length >= 12 && !line.startsWith("-----"))
      expect(result.message).not.toContain(line.trim());
  }
}

/** x and y straight from OpenSSL's text dump of the point, independent of Node's JWK export. */
function opensslCoordinates(): { x: string; y: string } {
  const dump = openssl("ec", "-pubin", "-in", "public.pem", "-text", "-noout");
  const hex = (dump.split("pub:")[1] ?? "").split("ASN1 OID")[0]?.replace(/[^0-9a-f]/g, "") ?? "";
  const point = Buffer.from(hex, "hex");
  expect(point).toHaveLength(65);
  expect(point[0]).toBe(4);
  return { x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") };
}

describe("parsePublicKeyPem accepts EC P-256 SPKI", () => {
  it("returns the normalised PEM, the JWK and the RFC 7638 thumbprint", async () => {
    const result = parsePublicKeyPem(file("public"));
    if (!result.ok) throw new Error(result.message);
    expect(result.pem).toBe(file("public"));
    const { x, y } = opensslCoordinates();
    expect(result.jwk).toEqual({ kty: "EC", crv: "P-256", x, y });
    const canonical = `{"crv":"P-256","kty":"EC","x":"${x}","y":"${y}"}`;
    expect(result.thumbprint).toBe(createHash("sha256").update(canonical).digest("base64url"));
    expect(result.thumbprint).toBe(await calculateJwkThumbprint({ kty: "EC", crv: "P-256", x, y }, "sha256"));
  });

  it("repairs CRLF, indentation, trailing spaces, blank lines and a BOM", () => {
    const reference = parsePublicKeyPem(file("public"));
    const lines = file("public").trim().split("\n");
    const variants = [
      file("public").replace(/\n/g, "\r\n"),
      file("public").trim(),
      `\n\n  ${lines.join("  \n   ")}\t\n\n\n`,
      `\uFEFF${file("public")}`,
      lines
        .map((line) => (line.startsWith("-----") ? line : `${line.slice(0, 10)} ${line.slice(10)}`))
        .join("\n"),
    ];
    for (const text of variants) expect(parsePublicKeyPem(text)).toEqual(reference);
  });

  it("stores one canonical form for compressed points and explicit parameters", () => {
    const reference = parsePublicKeyPem(file("public"));
    expect(file("compressed")).not.toBe(file("public"));
    expect(parsePublicKeyPem(file("compressed"))).toEqual(reference);
    expect(parsePublicKeyPem(file("explicit"))).toEqual(reference);
    expect(parsePublicKeyPem(file("from-cert"))).toEqual(reference);
  });

  it("formats the stored PEM as 64-column base64 with LF and one trailing newline", () => {
    const result = parsePublicKeyPem(file("public").replace(/\n/g, "\r\n"));
    if (!result.ok) throw new Error(result.message);
    expect(result.pem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PUBLIC KEY-----\n$/,
    );
  });
});

describe("parsePublicKeyPem refuses, saying why", () => {
  it("RSA keys in SPKI or PKCS#1", () => {
    expectRefused(file("rsa"), RSA_MESSAGE);
    expectRefused(file("rsa-pkcs1-public"), RSA_MESSAGE);
  });

  it("other curves and algorithms, by name", () => {
    expectRefused(file("secp384r1"), /^P-384 \(secp384r1\) keys are not supported; upload an EC P-256/);
    expectRefused(file("secp521r1"), /^P-521 \(secp521r1\) keys are not supported/);
    expectRefused(file("secp256k1"), /^secp256k1 keys are not supported/);
    expectRefused(file("ed25519"), /^Ed25519 keys are not supported/);
  });

  it("private keys in every common wrapping", () => {
    for (const name of ["private", "pkcs8", "encrypted", "with-params", "rsa-private", "rsa-pkcs8"]) {
      expectRefused(file(name), PRIVATE_MESSAGE);
    }
    const relabelled = file("pkcs8").replace(/PRIVATE KEY/g, "PUBLIC KEY");
    expectRefused(relabelled, PRIVATE_MESSAGE);
  });

  it("certificates and certificate requests", () => {
    expectRefused(file("cert"), /^This is a certificate — upload only its public key \(openssl x509 /);
    expectRefused(file("csr"), /^This is a certificate signing request/);
  });

  it("broken armor", () => {
    const lines = file("public").trim().split("\n");
    expectRefused(lines.slice(1).join("\n"), "The -----BEGIN PUBLIC KEY----- header line is missing");
    expectRefused(lines.slice(0, -1).join("\n"), "The -----END PUBLIC KEY----- footer line is missing");
    expectRefused(lines.slice(1, -1).join("\n"), /^No PEM block found/);
    expectRefused(file("public").replace("END PUBLIC", "END RSA PUBLIC"), /does not match/);
    expectRefused(`Public key:\n${file("public")}`, /^Found text outside/);
    expectRefused(`${file("public")}${file("public")}`, /^Found more than one PEM block/);
    expectRefused(`${file("secp384r1")}${file("public")}`, /^Found more than one PEM block/);
  });

  it("bad base64 and bodies that are not keys", () => {
    const lines = file("public").trim().split("\n");
    const body = (text: string) => `-----BEGIN PUBLIC KEY-----\n${text}\n-----END PUBLIC KEY-----\n`;
    expectRefused(file("public").replace(/A/, "!"), /is not valid base64$/);
    expectRefused(body((lines[1] ?? "").slice(0, -1)), /is not valid base64$/);
    expectRefused(body(""), /is not valid base64$/);
    expectRefused(body(randomBytes(91).toString("base64")), /does not contain a valid public key/);
    expectRefused(
      body((lines[1] ?? "") + (lines[2] ?? "").slice(0, 20)),
      /does not contain a valid public key/,
    );
  });

  it("empty, garbage, oversized and other formats", () => {
    expectRefused("", /^No key provided/);
    expectRefused(" \r\n\t\n", /^No key provided/);
    expectRefused("correct horse battery staple secret-marker-1234", /^No PEM block found/);
    expectRefused(`${file("public")}${" ".repeat(MAX_PUBLIC_KEY_PEM_LENGTH)}`, /^The key is too large/);
    expectRefused("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= me@host", /OpenSSH/);
    expectRefused('{"kty":"EC","crv":"P-256","x":"abc","y":"def"}', /JWK/);
    expectRefused(
      file("public").replace(/PUBLIC KEY/g, "PGP PUBLIC KEY BLOCK"),
      /^Unsupported PEM block type/,
    );
    expect(parsePublicKeyPem(null as unknown as string).ok).toBe(false);
  });
});
