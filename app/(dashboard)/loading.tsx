import { Skeleton } from "@/components/ui/skeleton";

/** Shown the moment a dashboard link is followed, until the page's data has loaded. */
export default function DashboardLoading() {
  return (
    <div role="status" aria-label="Loading" className="space-y-8">
      <div className="space-y-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
      </div>
      <div className="space-y-3 rounded-card border border-slate-200 bg-white p-5 shadow-card">
        {["a", "b", "c", "d", "e"].map((row) => (
          <Skeleton key={row} className="h-8" />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
