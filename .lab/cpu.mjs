// usage: node .lab/cpu.mjs PID URL KEY [N=60000] [post]  -> server CPU us/request
import autocannon from "autocannon";
import { readFileSync } from "node:fs";
const [pid, url, key, n = "60000", mode] = process.argv.slice(2);
const ticks = () => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" "); return Number(f[11]) + Number(f[12]); };
const opts = mode === "post"
  ? { url, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) }
  : { url, headers: { "x-api-key": key } };
await autocannon({ ...opts, connections: 20, amount: 5000 });
const t0 = ticks();
const r = await autocannon({ ...opts, connections: 20, amount: Number(n) });
const t1 = ticks();
console.log(`${((t1 - t0) * 10000 / Number(n)).toFixed(1)} us/req  ${Math.round(r.requests.average)} req/s non2xx ${r.non2xx}`);
