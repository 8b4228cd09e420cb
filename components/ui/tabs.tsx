"use client";

import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";

export type TabItem<T extends string> = { id: T; label: ReactNode };

const VARIANTS = {
  /** A segmented control, e.g. time ranges. */
  segmented: {
    list: "inline-flex rounded-lg border border-slate-200 bg-white p-1 shadow-card",
    tab: "rounded-md px-3 py-1.5 text-sm font-medium",
    on: "bg-brand-600 text-white",
    off: "text-ink-muted hover:text-ink",
  },
  /** Large choices with a title and a line of text each. */
  cards: {
    list: "grid gap-3 sm:grid-cols-2",
    tab: "rounded-card border p-4 text-left shadow-card",
    on: "border-brand-500 bg-brand-50",
    off: "border-slate-200 bg-white hover:border-slate-300",
  },
  /** Small tabs above a panel, e.g. code samples. */
  pills: {
    list: "flex flex-wrap gap-1",
    tab: "rounded-md px-3 py-1 text-sm",
    on: "bg-slate-900 text-white",
    off: "text-ink-muted hover:bg-slate-100",
  },
} as const;

const NEXT: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The WAI-ARIA tabs pattern: one tab stop for the list, arrow keys (and Home/End) move between tabs
 * and select them, each tab controls the one panel below, which shows the selected tab's content.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  value,
  onChange,
  variant = "pills",
  children,
  panelClassName = "",
  aside,
}: {
  label: string;
  tabs: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  variant?: keyof typeof VARIANTS;
  children: ReactNode;
  panelClassName?: string;
  /** Shown beside the tab list (e.g. a live status), outside the panel. */
  aside?: ReactNode;
}) {
  const base = useId();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const style = VARIANTS[variant];
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = NEXT[event.key];
    if (!move) return;
    event.preventDefault();
    const next = tabs[move(index, tabs.length)];
    if (!next) return;
    onChange(next.id);
    refs.current.get(next.id)?.focus();
  };
  const list = (
    <div role="tablist" aria-label={label} className={style.list}>
      {tabs.map((tab, index) => {
        const selected = tab.id === value;
        return (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={selected}
            aria-controls={`${base}-panel`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={`${style.tab} ${selected ? style.on : style.off}`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
  return (
    <>
      {aside ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          {list}
          {aside}
        </div>
      ) : (
        list
      )}
      <div
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-tab-${value}`}
        className={panelClassName}
      >
        {children}
      </div>
    </>
  );
}
