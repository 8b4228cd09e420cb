import type { ComponentProps } from "react";
import { Input } from "./field";

/** A one-time code: the browser may fill it from an SMS-less OTP source, and digits line up. */
export function CodeInput({ numeric = true, ...props }: ComponentProps<"input"> & { numeric?: boolean }) {
  return (
    <Input
      autoComplete="one-time-code"
      inputMode={numeric ? "numeric" : "text"}
      placeholder={numeric ? "123456" : "abcd-efgh-jkmn"}
      className="font-mono tracking-widest"
      {...props}
    />
  );
}
