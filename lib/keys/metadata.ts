import { z } from "zod";

export const MAX_METADATA_BYTES = 4096;
// 4 KiB of `[[[…]]]` nests ~2000 deep, enough to overflow zod's recursive validator; real
// metadata is a few levels deep, so refusing deep nesting early keeps validation from throwing.
export const MAX_METADATA_DEPTH = 16;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nestingDepth(root: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [value, depth] = entry;
    if (typeof value !== "object" || value === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function serializedBytes(value: unknown): number | null {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? null : Buffer.byteLength(json, "utf8");
  } catch {
    return null;
  }
}

/**
 * Free-form JSON object attached to a key. It is shown to anyone holding a signed key (the payload
 * is not encrypted), so it must never hold secrets; the size cap keeps signed keys header-sized.
 */
export const metadataSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    if (!isPlainObject(value)) {
      ctx.addIssue({ code: "custom", message: "Metadata must be a JSON object" });
      return;
    }
    const bytes = serializedBytes(value);
    if (bytes === null) {
      ctx.addIssue({ code: "custom", message: "Metadata must contain only JSON values" });
    } else if (bytes > MAX_METADATA_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `Metadata must be at most ${MAX_METADATA_BYTES} bytes as JSON (UTF-8); this is ${bytes} bytes`,
      });
    } else if (nestingDepth(value, MAX_METADATA_DEPTH) > MAX_METADATA_DEPTH) {
      ctx.addIssue({
        code: "custom",
        message: `Metadata must nest at most ${MAX_METADATA_DEPTH} levels deep`,
      });
    }
  })
  .pipe(z.record(z.string(), z.json()));

export type Metadata = z.infer<typeof metadataSchema>;
