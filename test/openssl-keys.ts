import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

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
