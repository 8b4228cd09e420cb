// Baseline for SPEC §7: a bare node:http server doing the same SHA-256 + Map look-up Keydesk does
// for a cached secret key, and nothing else. Prints its port on stdout.
import { createHash } from "node:crypto";
import { createServer } from "node:http";

const keys = new Map();
for (let i = 0; i < 1000; i++)
  keys.set(createHash("sha256").update(`key-${i}`).digest("hex"), { id: `key_${i}`, scopes: [] });
const known = "key-7";

const server = createServer((req, res) => {
  const presented = req.headers["x-api-key"] ?? known;
  const hit = keys.get(createHash("sha256").update(presented).digest("hex"));
  const body = JSON.stringify(hit ? { keyId: hit.id, scopes: hit.scopes } : { error: "INVALID_API_KEY" });
  res.writeHead(hit ? 200 : 401, { "content-type": "application/json" });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
