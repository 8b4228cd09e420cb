import { describeZodError } from "@/lib/errors/field-errors";
import { MAX_ALLOWLIST_ENTRIES, parseAllowlistEntry } from "@/lib/ip/allowlist";
import { scopeSchema } from "@/lib/keys/scopes";

// Validation as you type. The server validates everything again and stays the authority; these
// only make the same verdict appear next to the field before a round trip.

export type LineProblem = { line: number; entry: string; message: string };

/** One problem per bad line, with its line number, so the message can sit next to the entry. */
export function allowlistProblems(text: string): LineProblem[] {
  const problems: LineProblem[] = [];
  text.split("\n").forEach((raw, index) => {
    const entry = raw.trim();
    if (!entry) return;
    const result = parseAllowlistEntry(entry);
    if (!result.ok) problems.push({ line: index + 1, entry, message: result.message });
  });
  return problems;
}

export function allowlistEntries(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

export function allowlistTooLong(text: string): string | null {
  const count = allowlistEntries(text).length;
  return count > MAX_ALLOWLIST_ENTRIES ? `At most ${MAX_ALLOWLIST_ENTRIES} entries (${count} given).` : null;
}

export function scopeProblem(scope: string): string | null {
  const result = scopeSchema.safeParse(scope);
  return result.success ? null : describeZodError(result.error).message;
}

/** A private key must not even be sent: forms refuse to submit one. */
export function privatePemProblem(text: string): string | null {
  return /-----BEGIN ((EC|RSA|ENCRYPTED|OPENSSH) )?PRIVATE KEY-----/.test(text)
    ? "This is a private key. Upload only public.pem; keep the private key to yourself."
    : null;
}

const MAX_METADATA_BYTES = 4096;
const MAX_METADATA_DEPTH = 16;

function depth(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depth));
}

/** Mirrors lib/keys/metadata (which uses Node's Buffer, so it is not imported into the browser). */
export function metadataProblem(text: string): string | null {
  if (text.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "Not valid JSON.";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return 'Metadata must be a JSON object, e.g. {"customer": "acme"}.';
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > MAX_METADATA_BYTES) return `Metadata must be at most 4 KiB as JSON; this is ${bytes} bytes.`;
  if (depth(value) > MAX_METADATA_DEPTH)
    return `Metadata must nest at most ${MAX_METADATA_DEPTH} levels deep.`;
  return null;
}

export function parseMetadata(text: string): Record<string, unknown> {
  return text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export const EXPIRY_PRESETS = [
  { value: "never", label: "Never" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 1 year" },
  { value: "custom", label: "On a date…" },
] as const;

/** The chosen expiry as ISO-8601; a custom date means the end of that day, UTC. */
export function expiryFrom(preset: string, customDate: string, now = Date.now()): string | null {
  if (preset === "never") return null;
  if (preset === "custom") return customDate ? new Date(`${customDate}T23:59:59Z`).toISOString() : null;
  return new Date(now + Number(preset) * 86_400_000).toISOString();
}

export function expiryProblem(preset: string, customDate: string, now = Date.now()): string | null {
  if (preset !== "custom") return null;
  if (!customDate) return "Pick a date.";
  const at = Date.parse(`${customDate}T23:59:59Z`);
  if (Number.isNaN(at)) return "Not a date.";
  return at <= now ? "The expiry must be in the future." : null;
}

/** Today's date (UTC) as yyyy-mm-dd, the earliest a date input should offer. */
export function todayUtc(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}
