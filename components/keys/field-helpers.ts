import { parseAllowlistEntry } from "@/lib/ip/allowlist";
import { scopeSchema } from "@/lib/keys/scopes";

/** Per-line allowlist messages, for validation as you type (the server validates again). */
export function allowlistProblems(text: string): string[] {
  return text
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((entry) => {
      const result = parseAllowlistEntry(entry);
      return result.ok ? [] : [`${entry}: ${result.message}`];
    });
}

export function allowlistEntries(text: string): string[] {
  return text
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function scopeProblem(scope: string): string | null {
  const result = scopeSchema.safeParse(scope);
  return result.success ? null : (result.error.issues[0]?.message ?? "Not a scope.");
}

export function metadataProblem(text: string): string | null {
  if (text.trim() === "") return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return "Metadata must be a JSON object.";
    return new TextEncoder().encode(text).length > 4096 ? "Metadata must be at most 4 KiB." : null;
  } catch {
    return "Not valid JSON.";
  }
}

export const EXPIRY_PRESETS = [
  { value: "never", label: "Never" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 1 year" },
  { value: "custom", label: "On a date…" },
] as const;

export function expiryFrom(preset: string, customDate: string): string | null {
  if (preset === "never") return null;
  if (preset === "custom") return customDate ? new Date(`${customDate}T23:59:59Z`).toISOString() : null;
  return new Date(Date.now() + Number(preset) * 86_400_000).toISOString();
}
