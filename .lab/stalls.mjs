// usage: node .lab/stalls.mjs file.cpuprofile [minMs=4] -> long busy stretches and what they ran
import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const min = Number(process.argv[3] ?? 4) * 1000;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
const stack = (id) => { const s = []; let c = id; while (c !== undefined) { s.push(name(byId.get(c))); c = parent.get(c); } return s.reverse(); };
let t = p.startTime, runStart = null, runIds = [];
const idle = (id) => { const n = name(byId.get(id)); return n.startsWith("(idle)") || n.startsWith("(program)"); };
const runs = [];
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i]; const id = p.samples[i];
  if (idle(id)) { if (runStart !== null && t - runStart >= min) runs.push([runStart, t, runIds]); runStart = null; runIds = []; continue; }
  if (runStart === null) runStart = t; runIds.push(id);
}
console.log(`${runs.length} busy stretches >= ${min / 1000} ms`);
for (const [a, b, ids] of runs.slice(-15)) {
  const count = new Map();
  for (const id of ids) for (const f of new Set(stack(id).slice(1, 12))) count.set(f, (count.get(f) ?? 0) + 1);
  const top = [...count].filter(([, c]) => c > ids.length * 0.3).sort((x, y) => y[1] - x[1]).slice(0, 14).map(([f, c]) => `${Math.round(100 * c / ids.length)}% ${f}`);
  console.log(`--- ${((b - a) / 1000).toFixed(1)} ms at ${((a - p.startTime) / 1e6).toFixed(2)} s\n  ${top.join("\n  ")}`);
}
