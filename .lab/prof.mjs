// usage: node .lab/prof.mjs file.cpuprofile [filter] -> self time by function, and inclusive for some
import { readFileSync } from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map(); const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
let total = 0; for (const v of dt.values()) total += v;
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
const incl = new Map();
for (const [id, t] of dt) {
  const n = byId.get(id); const k = name(n); self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const kk = name(byId.get(cur)); if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + t); } cur = parent.get(cur); }
}
const idle = [...self].filter(([k]) => k.startsWith("(idle)")).reduce((s, [, v]) => s + v, 0);
const busy = total - idle;
console.log(`busy ${(busy / 1e3).toFixed(0)} ms of ${(total / 1e3).toFixed(0)}`);
const top = (m, n) => [...m].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(root)")).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(100 * v / busy).toFixed(1).padStart(5)}%  ${k}`).join("\n");
console.log("--- self"); console.log(top(self, Number(process.argv[3] ?? 45)));
console.log("--- inclusive"); console.log(top(incl, Number(process.argv[4] ?? 60)));
