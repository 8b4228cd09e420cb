"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RotateKeyDialog } from "./rotate-key-dialog";

/** Rotate and revoke. A revoked key has neither; an expired one can only be revoked (for the record). */
export function KeyActions({ apiKey }: { apiKey: Pick<ApiKeyDto, "id" | "name" | "type" | "status"> }) {
  const [dialog, setDialog] = useState<"rotate" | "revoke" | null>(null);
  if (apiKey.status === "revoked") return null;
  const close = () => setDialog(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button
          variant="secondary"
          onClick={() => setDialog("rotate")}
          disabled={apiKey.status !== "active"}
          aria-describedby={apiKey.status === "expired" ? "rotate-expired" : undefined}
        >
          Rotate
        </Button>
        <Button variant="danger" onClick={() => setDialog("revoke")}>
          Revoke
        </Button>
      </div>
      {apiKey.status === "expired" ? (
        <p id="rotate-expired" className="text-xs text-ink-muted">
          An expired key cannot be rotated; create a new one.
        </p>
      ) : null}
      <RotateKeyDialog apiKey={apiKey} open={dialog === "rotate"} onClose={close} />
      <RevokeKeyDialog apiKey={apiKey} open={dialog === "revoke"} onClose={close} />
    </div>
  );
}
