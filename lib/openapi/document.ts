import { z } from "zod";
import { ACCOUNT_OPERATIONS } from "./account-operations";
import { CREDIT_OPERATIONS } from "./credit-operations";
import { IDENTITY_OPERATIONS } from "./identity-operations";
import { INSIGHT_OPERATIONS } from "./insight-operations";
import { KEY_OPERATIONS } from "./key-operations";
import { MEMBER_OPERATIONS } from "./member-operations";
import type { Operation } from "./operation";
import { CORE_OPERATIONS } from "./operations";
import { webhooksSection } from "./webhook-events";
import { WEBHOOK_OPERATIONS } from "./webhook-operations";

/** Every documented route, with the zod schemas its handler validates with and answers in. */
export const OPERATIONS: Operation[] = [
  ...CORE_OPERATIONS,
  ...MEMBER_OPERATIONS,
  ...KEY_OPERATIONS,
  ...CREDIT_OPERATIONS,
  ...INSIGHT_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  ...IDENTITY_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
];

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });

function parameters(op: Operation) {
  const params: object[] = [];
  for (const [, name] of op.path.matchAll(/\{(\w+)\}/g))
    params.push({ name, in: "path", required: true, schema: { type: "string" } });
  if (op.query) {
    const schema = json(op.query) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      params.push({
        name,
        in: "query",
        required: schema.required?.includes(name) ?? false,
        schema: property,
      });
    }
  }
  return params;
}

/** OpenAPI 3.1 for the consumer and management routes, built from the routes' own zod schemas. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      tags: [op.tag],
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
      security:
        op.auth === "none"
          ? []
          : op.auth === "apiKey"
            ? [{ apiKeyHeader: [] }, { bearer: [] }]
            : [{ accessToken: [] }],
      parameters: parameters(op),
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: json(op.body) } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema ? { content: { "application/json": { schema: json(r.schema) } } } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Keydesk API",
      version: "1.0.0",
      description:
        "Verification API for API consumers and gateways; management API for tenant services (access tokens).",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A secret key, signed key or ES256 JWT (sub = key id)",
        },
        accessToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "From POST /api/auth/login",
        },
      },
    },
    paths,
    webhooks: webhooksSection(),
  };
}
