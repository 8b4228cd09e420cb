import type { z } from "zod";
import { parseWith } from "@/lib/errors/field-errors";

/** A query string, parsed with its route's schema (400 VALIDATION_ERROR naming the parameter). */
export function parseQuery<T>(schema: z.ZodType<T>, url: URL): T {
  return parseWith(schema, Object.fromEntries(url.searchParams.entries()));
}
