import type { ApiKeyDto } from "@/lib/schemas/api-keys";

type Editable = Partial<
  Pick<ApiKeyDto, "name" | "description" | "scopes" | "ipAllowlist" | "expiresAt" | "metadata">
>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `next` that differ from the key as it is (expiresAt is only present when chosen). */
export function changedSettings(current: ApiKeyDto, next: Editable): Editable {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (field === "expiresAt" || !same(current[field as keyof Editable], value)) patch[field] = value;
  }
  return patch as Editable;
}
