import { z } from "zod";
import { creditAmountProblem, creditsFrom } from "@/components/keys/credits";
import * as check from "@/components/keys/field-helpers";
import { textCheck } from "@/components/ui/form";

// What the key forms hold (text as typed) and how it is checked as you type. The server checks the
// action's input again and stays the judge; these only show its verdict before a round trip.

export type KeyType = "secret" | "public_key" | "signed";

export type KeyFormValues = {
  name: string;
  description: string;
  type: KeyType;
  environment: "live" | "test";
  publicKey: string;
  scopes: string[];
  /** One entry per line. */
  ipAllowlist: string;
  /** A preset ("never", "30", "custom", or "keep" when editing) and the custom date. */
  expiresAt: string;
  expiresOn: string;
  /** JSON text. */
  metadata: string;
  /** Create only: a preset ("none", "trial", "monthly", "custom") and the numbers as typed. */
  creditsPreset?: string;
  creditsRemaining?: string;
  creditsRefill?: string;
  creditsRefillAmount?: string;
  /** The customer (identity) to link, by the tenant's own id; blank: none. Create form only. */
  externalId?: string;
};

export const keyFormSchema = z
  .object({
    ipAllowlist: textCheck(
      (text) =>
        check.allowlistTooLong(text) ??
        (check.allowlistProblems(text).length > 0 ? "Fix the entries marked above." : null),
    ),
    metadata: textCheck(check.metadataProblem),
    publicKey: textCheck(check.privatePemProblem),
    expiresAt: z.string(),
    expiresOn: z.string(),
    creditsPreset: z.string().optional(),
    creditsRemaining: z.string().optional(),
    creditsRefill: z.string().optional(),
    creditsRefillAmount: z.string().optional(),
  })
  .superRefine((values, ctx) => {
    const problem = check.expiryProblem(values.expiresAt, values.expiresOn);
    if (problem) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: problem });
    if (!values.creditsPreset || values.creditsPreset === "none") return;
    const remaining = creditAmountProblem(values.creditsRemaining ?? "");
    if (remaining) ctx.addIssue({ code: "custom", path: ["creditsRemaining"], message: remaining });
    if (values.creditsRefill && values.creditsRefill !== "none") {
      const amount = creditAmountProblem(values.creditsRefillAmount ?? "");
      if (amount) ctx.addIssue({ code: "custom", path: ["creditsRefillAmount"], message: amount });
    }
  });

/** The create action's input, from what the form holds. */
export function toCreateKeyInput(values: KeyFormValues) {
  return {
    name: values.name,
    description: values.description.trim() || undefined,
    type: values.type,
    environment: values.environment,
    scopes: values.scopes,
    ipAllowlist: check.allowlistEntries(values.ipAllowlist),
    expiresAt: check.expiryFrom(values.expiresAt, values.expiresOn),
    metadata: check.parseMetadata(values.metadata),
    ...(values.externalId?.trim() ? { externalId: values.externalId.trim() } : {}),
    ...(values.type === "public_key" ? { publicKey: values.publicKey } : {}),
    credits: creditsFrom({
      creditsPreset: values.creditsPreset ?? "none",
      creditsRemaining: values.creditsRemaining ?? "",
      creditsRefill: values.creditsRefill ?? "none",
      creditsRefillAmount: values.creditsRefillAmount ?? "",
    }),
  };
}

/** A server error about the expiry is shown under the expiry field. */
export const KEY_FIELD_FOR = {
  expiresAt: "expiresOn",
  credits: "creditsRemaining",
  "credits.remaining": "creditsRemaining",
  "credits.refill.amount": "creditsRefillAmount",
} as const;
