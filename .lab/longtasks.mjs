// contiguous runs of samples sharing the same 2nd/3rd-level frame (task), longest first
import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
const path = (id) => { const s = []; let c = id; while (c !== undefined) { s.push(name(byId.get(c))); c = parent.get(c); } return s.reverse(); };
let t = p.startTime; let cur = null, start = 0, last = 0; const runs = [];
const skipStart = Number(process.argv[3] ?? 8) * 1e6;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i]; if (t - p.startTime < skipStart) continue;
  const s = path(p.samples[i]); const key = s.slice(1, 6).join(" > ");
  if (key !== cur) { if (cur) runs.push([last - start, cur]); cur = key; start = t; }
  last = t;
}
runs.sort((a, b) => b[0] - a[0]);
for (const [d, k] of runs.slice(0, 25)) console.log((d / 1000).toFixed(1).padStart(6), "ms ", k.slice(0, 300));
