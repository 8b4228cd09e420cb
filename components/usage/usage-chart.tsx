"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { outcomeColor, outcomeLabel } from "./outcome-colors";

type Point = { t: string; outcomes: Record<string, number> };

function formatTick(iso: string, interval: "minute" | "hour" | "day"): string {
  const date = new Date(iso);
  if (interval === "day") return date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

/** Requests over time, stacked by outcome: valid at the bottom, each refusal code above it. */
export function UsageChart({
  series,
  interval,
  height = 280,
}: {
  series: Point[];
  interval: "minute" | "hour" | "day";
  height?: number;
}) {
  const outcomes = [...new Set(series.flatMap((p) => Object.keys(p.outcomes)))].sort((a, b) =>
    a === "VALID" ? -1 : b === "VALID" ? 1 : a.localeCompare(b),
  );
  const data = series.map((p) => ({ t: p.t, ...p.outcomes }));
  return (
    <div style={{ height }} role="img" aria-label="Verifications over time, stacked by outcome">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="t"
            tickFormatter={(v: string) => formatTick(v, interval)}
            tick={{ fontSize: 11, fill: "#64748b" }}
            minTickGap={24}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} />
          <Tooltip
            labelFormatter={(v) => new Date(String(v)).toLocaleString()}
            formatter={(value, name) => [value, outcomeLabel(String(name))]}
            contentStyle={{ borderRadius: 8, borderColor: "#e2e8f0", fontSize: 12 }}
          />
          <Legend formatter={(name: string) => outcomeLabel(name)} wrapperStyle={{ fontSize: 12 }} />
          {outcomes.map((outcome) => (
            <Bar
              key={outcome}
              dataKey={outcome}
              stackId="outcomes"
              fill={outcomeColor(outcome)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
