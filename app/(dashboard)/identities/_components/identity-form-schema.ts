import { z } from "zod";
import * as check from "@/components/keys/field-helpers";
import { textCheck } from "@/components/ui/form";

// The identity forms hold text as typed: metadata and rate limits as JSON. The server checks the
// action's input again and stays the judge; these only show problems before a round trip.

export type IdentityFormValues = { externalId: string; metadata: string; ratelimits: string };

export const LIMITS_EXAMPLE = '[{"name": "requests", "limit": 1000, "durationMs": 60000, "autoApply": true}]';

function parseLimits(text: string): unknown {
  if (text.trim() === "") return [];
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function limitsProblem(text: string): string | null {
  const parsed = parseLimits(text);
  if (parsed === undefined) return "Not valid JSON.";
  if (!Array.isArray(parsed)) return `Use a JSON list of limits, e.g. ${LIMITS_EXAMPLE}`;
  return null;
}

export const identityFormSchema = z.object({
  externalId: textCheck((text) => (text.trim() === "" ? "Give your customer's id." : null)),
  metadata: textCheck(check.metadataProblem),
  ratelimits: textCheck(limitsProblem),
});

export function toIdentityInput(values: IdentityFormValues) {
  return {
    externalId: values.externalId.trim(),
    metadata: check.parseMetadata(values.metadata),
    ratelimits: parseLimits(values.ratelimits) as never,
  };
}

/** Server errors on `ratelimits.0.limit` and the like belong under the one limits field. */
export const IDENTITY_FIELD_FOR: Record<string, "ratelimits"> = Object.fromEntries(
  Array.from({ length: 21 }, (_, i) =>
    ["", ".name", ".limit", ".durationMs", ".autoApply"].map((field) => [
      `ratelimits.${i}${field}`,
      "ratelimits",
    ]),
  ).flat(),
);
