"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Role } from "@/lib/dal/context";
import type { MemberDto } from "@/lib/schemas/members";
import { changeMemberRoleAction, removeMemberAction, transferOwnershipAction } from "../actions";

export type Change =
  | { kind: "role"; member: MemberDto; role: Role }
  | { kind: "remove"; member: MemberDto; you: boolean }
  | { kind: "transfer"; member: MemberDto };

function wording(change: Change): { title: string; body: string; confirm: string } {
  const who = change.member.email;
  switch (change.kind) {
    case "role":
      return {
        title: `Make ${who} ${change.role === "admin" ? "an" : "a"} ${change.role}?`,
        body: "Their sessions and access tokens for this workspace end now; they sign in again with the new role.",
        confirm: "Change role",
      };
    case "transfer":
      return {
        title: `Transfer ownership to ${who}?`,
        body: "They become an owner and you become an admin. Only an owner can give it back.",
        confirm: "Transfer ownership",
      };
    case "remove":
      return change.you
        ? {
            title: "Leave this workspace?",
            body: "You lose access at once and are signed out here. Someone must invite you again to come back.",
            confirm: "Leave workspace",
          }
        : {
            title: `Remove ${who}?`,
            body: "They lose access at once: their open sessions and access tokens for this workspace stop working.",
            confirm: "Remove member",
          };
  }
}

function run(change: Change): Promise<ActionResult<unknown>> {
  const id = change.member.userId;
  if (change.kind === "role") return changeMemberRoleAction(id, { role: change.role });
  if (change.kind === "transfer") return transferOwnershipAction(id, undefined);
  return removeMemberAction(id, undefined);
}

export function ConfirmChange({ change, onClose }: { change: Change | null; onClose: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = (current: Change) =>
    startTransition(async () => {
      const result = await run(current).catch(() => ({
        ok: false as const,
        code: "INTERNAL_ERROR" as const,
        message: "Something went wrong on our side; nothing was changed.",
        fieldErrors: {},
      }));
      if (!result.ok) {
        if (result.code === "UNAUTHORIZED") window.location.assign("/login");
        return setError(result.message);
      }
      // Leaving ends this browser's session in the workspace.
      if (current.kind === "remove" && current.you) return window.location.assign("/login");
      close();
      router.refresh();
    });
  const text = change ? wording(change) : null;
  return (
    <Modal open={change !== null} onClose={close} title={text?.title ?? ""}>
      {change && text ? (
        <div className="space-y-4 text-sm">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <p className="text-ink">{text.body}</p>
          <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
            <Button type="button" variant="secondary" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              variant={change.kind === "role" ? "primary" : "danger"}
              disabled={pending}
              onClick={() => confirm(change)}
            >
              {pending ? "Working…" : text.confirm}
            </Button>
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
