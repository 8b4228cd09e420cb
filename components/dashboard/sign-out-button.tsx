"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button
      variant="ghost"
      className="w-full justify-start px-3"
      onClick={() => void signOut({ callbackUrl: "/login" })}
    >
      Log out
    </Button>
  );
}
