import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://k.test");

  it("is OpenAPI 3.1 and covers consumer and management routes", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/whoami",
      "/api/v1/verify",
      "/api/auth/login",
      "/api/tenants/me/api-keys",
      "/api/tenants/me/api-keys/{id}/rotate",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it("documents request bodies from the routes' zod schemas", () => {
    const create = doc.paths["/api/tenants/me/api-keys"]?.post as {
      requestBody: {
        content: {
          "application/json": {
            schema: { properties: Record<string, unknown>; additionalProperties: boolean };
          };
        };
      };
    };
    const schema = create.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        "name",
        "type",
        "environment",
        "scopes",
        "publicKey",
        "ipAllowlist",
        "expiresAt",
        "metadata",
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
    const list = doc.paths["/api/tenants/me/api-keys"]?.get as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["status", "environment", "type", "limit", "cursor"]),
    );
  });
});
