// bare + Keydesk's headers and body; arg "als" creates an AsyncLocalStorage first (as Next does)
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { AsyncLocalStorage } from "node:async_hooks";
if (process.argv[2] === "als") { const a = new AsyncLocalStorage(); a.run({}, () => {}); a.enterWith({x:1}); }
const keys = new Map();
for (let i = 0; i < 1000; i++) keys.set(createHash("sha256").update(`key-${i}`).digest("hex"), { id: `key_${i}`, scopes: [] });
const H = { "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer", "permissions-policy": "camera=(), microphone=(), geolocation=()", "content-security-policy": "default-src 'none'; frame-ancestors 'none'", "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
const server = createServer((req, res) => {
  const presented = req.headers["x-api-key"] ?? "key-7";
  const hit = keys.get(createHash("sha256").update(presented).digest("hex"));
  const body = JSON.stringify({keyId:"key_X0c8ueIgjecYEUajEZp328W5",tenantId:"ten_qVQLnv7VLN8QSN958QDbYSWi",name:"lab",type:"secret",environment:"live",scopes:hit?hit.scopes:[],expiresAt:null,identity:null,credits:null});
  const raw = []; for (const k in H) raw.push(k, H[k]); raw.push("content-length", String(Buffer.byteLength(body)));
  res.writeHead(200, raw);
  res.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
