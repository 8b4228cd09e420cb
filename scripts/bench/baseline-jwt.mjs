// Baseline for SPEC §7: a bare node:http server verifying the same ES256 JWT with a cached key
// object (no claim checks beyond the signature). The public key PEM comes in argv[2] (base64).
import { createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";

const key = createPublicKey(Buffer.from(process.argv[2], "base64").toString("utf8"));

const server = createServer((req, res) => {
  const token = (req.headers.authorization ?? "").slice(7);
  const [header, payload, signature] = token.split(".");
  const ok =
    signature !== undefined &&
    verify(
      "sha256",
      Buffer.from(`${header}.${payload}`),
      { key, dsaEncoding: "ieee-p1363" },
      Buffer.from(signature, "base64url"),
    );
  res.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
  res.end(
    JSON.stringify(
      ok
        ? { sub: JSON.parse(Buffer.from(payload, "base64url").toString()).sub }
        : { error: "INVALID_SIGNATURE" },
    ),
  );
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
