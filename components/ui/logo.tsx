export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-ink ${className}`}>
      <svg viewBox="0 0 32 32" className="h-7 w-7" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <circle cx="12" cy="16" r="5" fill="none" stroke="#fff" strokeWidth="3" />
        <path d="M17 16h10M23 16v5M27 16v3" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      </svg>
      Keydesk
    </span>
  );
}
