import { z } from "zod";

/** A named limit of a key or an identity (issue 12): `limit` hits per `durationMs`. */
export type NamedLimit = {
  readonly name: string;
  readonly limit: number;
  readonly durationMs: number;
  /** Checked on every verification; otherwise only when POST /api/v1/verify names it. */
  readonly autoApply: boolean;
};

export const MAX_NAMED_LIMITS = 20;
export const NAMED_LIMIT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const NAME_HINT = "Use 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.";

export const namedLimitNameSchema = z.string().regex(NAMED_LIMIT_NAME, NAME_HINT);

export const namedLimitSchema = z
  .object({
    name: namedLimitNameSchema,
    limit: z.number().int().min(1, "At least 1.").max(1_000_000_000),
    durationMs: z
      .number()
      .int()
      .min(1_000, "At least 1000 ms (one second).")
      .max(86_400_000, "At most 86400000 ms (one day)."),
    autoApply: z.boolean().default(false),
  })
  .strict();

/** A key's or an identity's limits: at most 20, names unique within the list. */
export const namedLimitsSchema = z
  .array(namedLimitSchema)
  .max(MAX_NAMED_LIMITS, `At most ${MAX_NAMED_LIMITS} rate limits.`)
  .superRefine((limits, ctx) => {
    const seen = new Set<string>();
    limits.forEach((limit, i) => {
      if (seen.has(limit.name))
        ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${limit.name}" is already used.` });
      seen.add(limit.name);
    });
  });

/** A limit as the API answers it. */
export const namedLimitDto = z.object({
  name: z.string(),
  limit: z.number().int(),
  durationMs: z.number().int(),
  autoApply: z.boolean(),
});
