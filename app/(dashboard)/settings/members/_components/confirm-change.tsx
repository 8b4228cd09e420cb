"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
  const text = change ? wording(change) : null;
  // Leaving ends this browser's session in the workspace: there is no page to refresh.
  const leaving = change?.kind === "remove" && change.you;
  return (
    <ConfirmDialog
      open={change !== null}
      title={text?.title ?? ""}
      confirmLabel={text?.confirm ?? ""}
      pendingLabel="Working…"
      tone={change?.kind === "role" ? "primary" : "danger"}
      failure="Something went wrong on our side; nothing was changed."
      run={() => (change ? run(change) : Promise.resolve({ ok: true as const }))}
      onClose={onClose}
      onDone={leaving ? () => window.location.assign("/login") : undefined}
    >
      <p>{text?.body}</p>
    </ConfirmDialog>
  );
}
