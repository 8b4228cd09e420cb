import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

/** An ES256 key pair for a public_key key, and client JWTs signed with it (R‖S, as SPEC §3 asks). */
export function es256Client() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");
  return {
    publicKeyPem,
    token(keyId: string, jti: string | undefined = randomBytes(8).toString("hex")) {
      const now = Math.floor(Date.now() / 1000);
      const header = b64(JSON.stringify({ alg: "ES256", typ: "JWT" }));
      const payload = b64(JSON.stringify({ sub: keyId, iat: now, exp: now + 300, ...(jti ? { jti } : {}) }));
      const signature = sign("sha256", Buffer.from(`${header}.${payload}`), {
        key: privateKey,
        dsaEncoding: "ieee-p1363",
      });
      return `${header}.${payload}.${b64(signature)}`;
    },
  };
}
