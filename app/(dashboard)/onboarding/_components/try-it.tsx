"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Sends the request from this browser, for those who want to see it work before writing code. */
export function TryIt({ makeHeaders }: { makeHeaders: () => Promise<Record<string, string>> }) {
  const [result, setResult] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          try {
            const res = await fetch("/api/v1/whoami", { headers: await makeHeaders() });
            setResult(`${res.status} ${JSON.stringify(await res.json(), null, 2)}`);
          } catch {
            setResult("The request failed to send.");
          } finally {
            setPending(false);
          }
        }}
      >
        {pending ? "Sending…" : "Send a test request from this browser"}
      </Button>
      {result ? (
        <pre className="overflow-x-auto rounded-lg bg-slate-50 p-3 font-mono text-xs text-ink">{result}</pre>
      ) : null}
    </div>
  );
}
