import type { z } from "zod";
import { errorEnvelope } from "@/lib/schemas/errors";

/** One documented route: what lib/openapi/document.ts turns into OpenAPI, and the API reference page lists. */
type Schema = z.ZodType;
export type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  tag:
    | "Verification"
    | "Authentication"
    | "Account"
    | "Tenant"
    | "Members"
    | "API keys"
    | "Identities"
    | "Webhooks"
    | "Operations";
  summary: string;
  auth: "none" | "accessToken" | "apiKey";
  body?: Schema;
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: Schema }>;
  /** A request to show on the API reference page. */
  example?: string;
};
/** An error answer: always the envelope, with what may cause it. */
export const error = (description: string) => ({ description, schema: errorEnvelope });
