"use client";

import { useSyncExternalStore } from "react";
import { axisTicks, type ChartPoint, labelEvery, stackOutcomes } from "./chart-scale";
import { outcomeColor, outcomeLabel } from "./outcome-colors";

type Interval = "minute" | "hour" | "day";

const X_AXIS_HEIGHT = 22;
const TOP_PADDING = 8;

const subscribeNever = () => () => {};
/**
 * False in the server's render and in hydration, true afterwards: times are drawn in UTC until the
 * page is live, then in the viewer's own zone and locale (the server cannot know either, and
 * hydration must match what the server sent).
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

function formatTime(iso: string, interval: Interval, local: boolean, detailed = false): string {
  const date = new Date(iso);
  const zone = local ? {} : { timeZone: "UTC" };
  const locale = local ? undefined : "en-US";
  if (detailed) return date.toLocaleString(locale, { ...zone, dateStyle: "medium", timeStyle: "short" });
  if (interval === "day") return date.toLocaleDateString(locale, { ...zone, month: "short", day: "numeric" });
  return date.toLocaleTimeString(locale, { ...zone, hour: "numeric", minute: "2-digit" });
}

/**
 * Requests over time, stacked by outcome: valid at the bottom, each refusal code above it.
 *
 * Plain SVG rather than a chart library's, so that the server draws it into the page's first HTML:
 * the chart is there at first paint, not after the JavaScript has loaded and measured the page
 * (recharts 3 renders nothing on the server; docs/decisions.md). Bars are placed in percentages of
 * the width, so the drawing fits any width without measuring it; each bar's title is its tooltip.
 */
export function UsageChart({
  series,
  interval,
  height = 280,
}: {
  series: ChartPoint[];
  interval: Interval;
  height?: number;
}) {
  const local = useHydrated();
  const { outcomes, totals, max } = stackOutcomes(series);
  const ticks = axisTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const plot = height - X_AXIS_HEIGHT - TOP_PADDING;
  const y = (value: number) => TOP_PADDING + plot - (value / top) * plot;
  const slot = 100 / Math.max(1, series.length);
  const gap = Math.min(slot * 0.15, 0.6);
  const every = labelEvery(series.length);

  return (
    <div role="img" aria-label="Verifications over time, stacked by outcome" className="min-w-0">
      <div className="relative pl-10" style={{ height }}>
        {ticks.map((tick) => (
          <span
            key={tick}
            className="absolute left-0 w-8 -translate-y-1/2 text-right text-[11px] text-ink-muted tabular-nums"
            style={{ top: y(tick) }}
          >
            {tick.toLocaleString("en")}
          </span>
        ))}
        <svg width="100%" height={height} className="block overflow-visible" aria-hidden="true">
          {ticks.map((tick) => (
            <line
              key={tick}
              x1="0"
              x2="100%"
              y1={y(tick)}
              y2={y(tick)}
              stroke="#e2e8f0"
              strokeDasharray="3 3"
            />
          ))}
          {series.map((point, i) => {
            let base = 0;
            const x = `${i * slot + gap}%`;
            const width = `${Math.max(slot - 2 * gap, 0.1)}%`;
            const breakdown = outcomes
              .filter((o) => point.outcomes[o])
              .map((o) => `${outcomeLabel(o)} ${point.outcomes[o]!.toLocaleString("en")}`)
              .join(" · ");
            return (
              <g key={point.t} className="transition-opacity hover:opacity-75">
                <title>
                  {`${formatTime(point.t, interval, local, true)}: ${totals[i]!.toLocaleString("en")}${breakdown ? ` (${breakdown})` : ""}`}
                </title>
                {/* A full-height hit area, so thin bars still show their tooltip. */}
                <rect x={x} width={width} y={TOP_PADDING} height={plot} fill="transparent" />
                {outcomes.map((outcome) => {
                  const count = point.outcomes[outcome] ?? 0;
                  if (count === 0) return null;
                  const y0 = y(base);
                  base += count;
                  const y1 = y(base);
                  return (
                    <rect
                      key={outcome}
                      x={x}
                      width={width}
                      y={y1}
                      height={Math.max(y0 - y1, 0.5)}
                      fill={outcomeColor(outcome)}
                      data-outcome={outcome}
                    />
                  );
                })}
              </g>
            );
          })}
          <line x1="0" x2="100%" y1={y(0)} y2={y(0)} stroke="#cbd5e1" />
          {series.map((point, i) =>
            i % every === 0 ? (
              <text
                key={point.t}
                x={`${(i + 0.5) * slot}%`}
                y={height - 6}
                textAnchor="middle"
                fontSize={11}
                fill="#64748b"
                // Every other label gives way on a phone, where six would run into each other.
                className={(i / every) % 2 === 1 ? "max-sm:hidden" : undefined}
              >
                {formatTime(point.t, interval, local)}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      <ul className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-ink-muted">
        {outcomes.map((outcome) => (
          <li key={outcome} className="flex items-center gap-1.5">
            <span className="h-2.5 w-2.5 rounded-sm" style={{ background: outcomeColor(outcome) }} />
            {outcomeLabel(outcome)}
          </li>
        ))}
      </ul>
    </div>
  );
}
