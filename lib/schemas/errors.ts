import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors/codes";

/** Every error answer (lib/errors/envelope.ts), with the closed set of codes (lib/errors/codes.ts). */
export const errorEnvelope = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
