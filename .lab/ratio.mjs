// usage: node .lab/ratio.mjs BAREPORT KDPORT KEY [rounds=3]
import autocannon from "autocannon";
const [bp, kp, key, rounds = "3"] = process.argv.slice(2);
const t = {
  bare: { url: `http://127.0.0.1:${bp}/`, headers: { "x-api-key": "key-7" } },
  whoami: { url: `http://127.0.0.1:${kp}/api/v1/whoami`, headers: { "x-api-key": key } },
  verify: { url: `http://127.0.0.1:${kp}/api/v1/verify`, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) },
};
const res = { bare: [], whoami: [], verify: [] };
for (let r = 0; r < Number(rounds); r++) for (const [n, o] of Object.entries(t)) {
  await autocannon({ ...o, connections: 50, duration: 1 });
  const x = await autocannon({ ...o, connections: 50, duration: 5 });
  res[n].push([x.requests.average, x.latency.p50, x.latency.p99, x.non2xx]);
  console.log(n, Math.round(x.requests.average), "p50", x.latency.p50, "p99", x.latency.p99, "non2xx", x.non2xx);
}
const med = (a, i) => a.map((x) => x[i]).sort((p, q) => p - q)[Math.floor(a.length / 2)];
for (const n of ["whoami", "verify"]) console.log(n, "ratio", (100 * med(res[n], 0) / med(res.bare, 0)).toFixed(1) + "%", "p99", med(res[n], 2), "vs", med(res.bare, 2));
