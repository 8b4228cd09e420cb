"use client";

import { EXPIRY_PRESETS, expiryProblem, todayUtc } from "./field-helpers";

const control =
  "rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none";

/** Presets plus a custom date (end of that day, UTC). `keepLabel` adds "leave as it is" for editing. */
export function ExpiryField({
  id,
  preset,
  customDate,
  onPreset,
  onCustomDate,
  error,
  keepLabel,
}: {
  id: string;
  preset: string;
  customDate: string;
  onPreset: (value: string) => void;
  onCustomDate: (value: string) => void;
  error?: string | undefined;
  keepLabel?: string;
}) {
  const problem = expiryProblem(preset, customDate) ?? error;
  const options = keepLabel ? [{ value: "keep", label: keepLabel }, ...EXPIRY_PRESETS] : EXPIRY_PRESETS;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        Expires
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id={id}
          value={preset}
          onChange={(event) => onPreset(event.target.value)}
          className={`${control} border-slate-300`}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {preset === "custom" ? (
          <input
            type="date"
            aria-label="Expiry date"
            min={todayUtc()}
            value={customDate}
            onChange={(event) => onCustomDate(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            className={`${control} ${problem ? "border-danger" : "border-slate-300"}`}
          />
        ) : null}
      </div>
      {problem ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {problem}
        </p>
      ) : preset === "custom" ? (
        <p className="text-xs text-ink-muted">The key stops working at the end of that day (23:59:59 UTC).</p>
      ) : null}
    </div>
  );
}
