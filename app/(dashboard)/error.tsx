"use client";

import { Button } from "@/components/ui/button";

/**
 * One error boundary for every dashboard page. The message is deliberately generic: details are in
 * the server logs, never in the browser.
 */
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-card border border-red-200 bg-danger-soft px-6 py-10 text-center">
      <h2 className="text-lg font-semibold text-red-900">This page could not be loaded</h2>
      <p className="mt-2 text-sm text-red-800">Something went wrong on our side. Nothing was changed.</p>
      <Button className="mt-5" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
