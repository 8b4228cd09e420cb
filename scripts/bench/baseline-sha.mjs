// Baseline for SPEC §7: a bare node:http server doing the same SHA-256 + Map look-up Keydesk does
// for a cached secret key (one-shot SHA-256, as lib/keys/secret-key.ts secretCacheDigest), and
// nothing else. Prints its port on stdout.
import { hash } from "node:crypto";
import { createServer } from "node:http";

const keys = new Map();
for (let i = 0; i < 1000; i++) keys.set(hash("sha256", `key-${i}`, "base64"), { id: `key_${i}`, scopes: [] });
const known = "key-7";

const server = createServer((req, res) => {
  const presented = req.headers["x-api-key"] ?? known;
  const hit = keys.get(hash("sha256", presented, "base64"));
  const body = JSON.stringify(hit ? { keyId: hit.id, scopes: hit.scopes } : { error: "INVALID_API_KEY" });
  res.writeHead(hit ? 200 : 401, { "content-type": "application/json" });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
