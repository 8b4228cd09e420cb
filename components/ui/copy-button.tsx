"use client";

import { useState } from "react";
import { Button } from "./button";

type Props = {
  value: string;
  label?: string;
  size?: "md" | "sm";
  className?: string;
};

/**
 * Copies to the clipboard and says so in place. When the clipboard is refused (permissions, an
 * insecure origin) it says that too, so nobody walks away believing a secret was copied.
 */
export function CopyButton({ value, label = "Copy", size = "md", className = "" }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size={size}
        onClick={copy}
        className={`shrink-0 ${className}`}
      >
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "failed"
            ? "Select the text and copy it."
            : ""}
      </span>
    </>
  );
}
