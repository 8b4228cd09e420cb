// bareB + busy work per request (argv[2] us); argv[3]="batch" defers writes to one setImmediate per loop turn
import { createHash } from "node:crypto";
import { createServer } from "node:http";
const busy = Number(process.argv[2] ?? 0), batch = process.argv[3] === "batch";
const keys = new Map();
for (let i = 0; i < 1000; i++) keys.set(createHash("sha256").update(`key-${i}`).digest("hex"), { id: `key_${i}`, scopes: [] });
const H = { "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "no-referrer", "permissions-policy": "camera=(), microphone=(), geolocation=()", "content-security-policy": "default-src 'none'; frame-ancestors 'none'", "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
let queue = []; let scheduled = false;
function flush() { scheduled = false; const q = queue; queue = []; for (const [res, raw, body] of q) { res.writeHead(200, raw); res.end(body); } }
const server = createServer((req, res) => {
  const presented = req.headers["x-api-key"] ?? "key-7";
  const hit = keys.get(createHash("sha256").update(presented).digest("hex"));
  const t = process.hrtime.bigint(); while (Number(process.hrtime.bigint() - t) < busy * 1000);
  const body = JSON.stringify({keyId:"key_X0c8ueIgjecYEUajEZp328W5",tenantId:"ten_qVQLnv7VLN8QSN958QDbYSWi",name:"lab",type:"secret",environment:"live",scopes:hit?hit.scopes:[],expiresAt:null,identity:null,credits:null});
  const raw = []; for (const k in H) raw.push(k, H[k]); raw.push("content-length", String(Buffer.byteLength(body)));
  if (!batch) { res.writeHead(200, raw); res.end(body); return; }
  queue.push([res, raw, body]); if (!scheduled) { scheduled = true; setImmediate(flush); }
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
