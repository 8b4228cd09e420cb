import { z } from "zod";
import { KEY_OUTCOMES } from "@/lib/errors/verification-outcomes";
import { normalizeIp } from "@/lib/ip/parse-ip";

/** Outcomes a log entry can carry. */
export const LOGGED_OUTCOMES = KEY_OUTCOMES as [string, ...string[]];

/** `GET /api/tenants/me/api-keys/{id}/verifications` (issue 14). */
export const verificationLogQuery = z
  .object({
    outcome: z.enum(LOGGED_OUTCOMES, { error: `must be one of ${LOGGED_OUTCOMES.join(", ")}` }).optional(),
    /** Compared in canonical form, so `::ffff:192.0.2.1` finds `192.0.2.1`. */
    address: z
      .string()
      .max(64)
      .transform((value, ctx) => {
        const ip = normalizeIp(value.trim());
        if (ip === null) {
          ctx.addIssue({ code: "custom", message: "must be an IPv4 or IPv6 address" });
          return z.NEVER;
        }
        return ip;
      })
      .optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** csv: the whole filtered log (newest first, up to LOG_CSV_MAX_ROWS) as a download. */
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();
export type VerificationLogQuery = z.infer<typeof verificationLogQuery>;

export const verificationLogEntry = z.object({
  id: z.string(),
  at: z.string().describe("ISO-8601 time of the verification"),
  outcome: z.string().describe("VALID or the error code"),
  address: z.string().describe("The client address the verification was made for"),
  path: z.enum(["whoami", "verify"]),
  userAgent: z.string().nullable().describe("whoami only, truncated to 256 characters"),
  scopes: z.array(z.string()).describe("verify only: the scopes the caller required"),
  weight: z.number().int().describe("1, or how many verifications this sampled entry stands for"),
});
export type VerificationLogEntryDto = z.infer<typeof verificationLogEntry>;

export const verificationLogPage = z.object({
  data: z.array(verificationLogEntry),
  nextCursor: z.string().nullable(),
  sampled: z.boolean().describe("True when an entry of this page stands for several verifications"),
});
export type VerificationLogPage = z.infer<typeof verificationLogPage>;
