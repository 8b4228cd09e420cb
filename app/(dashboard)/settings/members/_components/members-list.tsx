"use client";

import { useState } from "react";
import { formatDate, relativeTime } from "@/components/keys/format";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/dal/context";
import type { MemberDto } from "@/lib/schemas/members";
import { type Change, ConfirmChange } from "./confirm-change";

type Self = { userId: string; role: Role };

const ROLE_OPTIONS: Record<Role, Role[]> = {
  owner: ["owner", "admin", "viewer"],
  admin: ["admin", "viewer"],
  viewer: [],
};

/** Mirrors the server's rule (lib/dal/members.ts), which decides: only an owner touches an owner. */
function mayManage(self: Self, member: MemberDto): boolean {
  if (self.role === "viewer") return false;
  return self.role === "owner" || member.role !== "owner";
}

export function MembersList({ members, self }: { members: MemberDto[]; self: Self }) {
  const [change, setChange] = useState<Change | null>(null);
  return (
    <>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Members">
        {members.map((member) => {
          const you = member.userId === self.userId;
          const manage = mayManage(self, member);
          return (
            <li
              key={member.userId}
              data-testid="member-row"
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm"
            >
              <div className="min-w-0 flex-1 basis-56">
                <p className="truncate font-medium text-ink">
                  {member.email} {you ? <span className="font-normal text-ink-muted">(you)</span> : null}
                </p>
                <p className="text-xs text-ink-muted">
                  Joined {formatDate(member.joinedAt)} · last sign-in{" "}
                  {member.lastSignInAt ? relativeTime(member.lastSignInAt) : "never"}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {manage ? (
                  <select
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    onChange={(event) =>
                      setChange({ kind: "role", member, role: event.target.value as Role })
                    }
                    className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-xs text-ink"
                  >
                    {ROLE_OPTIONS[self.role].map((role) => (
                      <option key={role} value={role}>
                        {role[0]!.toUpperCase() + role.slice(1)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium capitalize text-ink">
                    {member.role}
                  </span>
                )}
                {self.role === "owner" && !you && member.role !== "owner" ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setChange({ kind: "transfer", member })}
                  >
                    Make owner
                  </Button>
                ) : null}
                {you || manage ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setChange({ kind: "remove", member, you })}
                  >
                    {you ? "Leave" : "Remove"}
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmChange change={change} onClose={() => setChange(null)} />
    </>
  );
}
