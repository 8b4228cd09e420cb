import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
const h = monitorEventLoopDelay({ resolution: 1 }); h.enable();
let gcCount = 0, gcTotal = 0, gcMax = 0, gcKinds = {};
new PerformanceObserver((list) => { for (const e of list.getEntries()) { gcCount++; gcTotal += e.duration; gcMax = Math.max(gcMax, e.duration); gcKinds[e.detail?.kind] = (gcKinds[e.detail?.kind] ?? 0) + 1; } }).observe({ entryTypes: ["gc"] });
setInterval(() => {
  process.stderr.write(`ELD p50 ${(h.percentile(50) / 1e6).toFixed(2)} p99 ${(h.percentile(99) / 1e6).toFixed(2)} max ${(h.max / 1e6).toFixed(2)} ms | gc n=${gcCount} total=${gcTotal.toFixed(0)}ms max=${gcMax.toFixed(1)} kinds=${JSON.stringify(gcKinds)}\n`);
  h.reset(); gcCount = 0; gcTotal = 0; gcMax = 0; gcKinds = {};
}, 5000).unref();
