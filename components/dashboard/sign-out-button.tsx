"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** `logOutEverywhere` is the server action, passed in by the layout (components never import app/). */
export function SignOutButton({
  logOutEverywhere,
}: {
  logOutEverywhere: (input: undefined) => Promise<unknown>;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-1">
      <Button
        variant="ghost"
        className="w-full justify-start px-3"
        disabled={pending}
        onClick={() => void signOut({ callbackUrl: "/login" })}
      >
        Log out
      </Button>
      <Button
        variant="ghost"
        className="w-full justify-start px-3 text-xs text-ink-muted"
        disabled={pending}
        title="Ends your sessions in every browser and every API access token you were issued"
        onClick={() =>
          startTransition(async () => {
            await logOutEverywhere(undefined);
            await signOut({ callbackUrl: "/login" });
          })
        }
      >
        {pending ? "Logging out everywhere…" : "Log out everywhere"}
      </Button>
    </div>
  );
}
