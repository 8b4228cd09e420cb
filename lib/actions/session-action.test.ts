import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey } from "@/lib/dal/api-keys/create-api-key";
import { listApiKeys } from "@/lib/dal/api-keys/get-api-keys";
import type { Role, TenantContext } from "@/lib/dal/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids";
import { createKeyInput } from "@/lib/schemas/api-keys";
import { createAccount, PASSWORD } from "@/test/accounts";
import { uniqueEmail } from "@/test/http";
import { createActionClient, type SessionSource } from "./session-action";

// The helper with a session source of the test's choosing: a real member of a real tenant (the
// browser's cookie is what production resolves to the same context), and the real DAL behind it.

async function member(tenantId: string, role: Role): Promise<TenantContext> {
  const db = await getDb();
  const userId = newId("usr");
  await db
    .insert(users)
    .values({ id: userId, email: uniqueEmail(role), passwordHash: await hashPassword(PASSWORD) });
  await db.insert(memberships).values({ tenantId, userId, role });
  return { tenantId, userId, role, actor: { type: "user", id: userId }, ip: "203.0.113.5" };
}

const as =
  (ctx: TenantContext | null): SessionSource =>
  async () =>
    ctx;

const createKey = (source: SessionSource) =>
  createActionClient(source).action({ access: "write", input: createKeyInput }, async (input, ctx) => {
    const { key } = await createApiKey(ctx, input);
    return key.id;
  });

describe("session actions", () => {
  it("answer UNAUTHORIZED without a session, before reading the input", async () => {
    const result = await createKey(as(null))({ name: "x" });
    expect(result).toEqual({
      ok: false,
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/Log in/),
      fieldErrors: {},
    });
  });

  it("refuse a viewer's write, and nothing is written", async () => {
    const { tenantId } = await createAccount("act-viewer");
    const viewer = await member(tenantId, "viewer");
    let ran = false;
    const write = createActionClient(as(viewer)).action(
      { access: "write", input: z.object({}) },
      async () => {
        ran = true;
      },
    );
    expect(await write({})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createKey(as(viewer))({ name: "forced" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(ran).toBe(false);
    expect((await listApiKeys(viewer, { limit: 10 })).data).toEqual([]);
    const read = createActionClient(as(viewer)).action(
      { access: "read", input: z.object({}) },
      async () => 7,
    );
    expect(await read({})).toEqual({ ok: true, data: 7 });
  });

  it("turn zod issues into one message per field, naming list entries", async () => {
    const { tenantId } = await createAccount("act-input");
    const admin = await member(tenantId, "admin");
    const result = await createKey(as(admin))({ name: "", ipAllowlist: ["10.0.0.0/8", "nope"] });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION_ERROR" });
    if (result.ok) return;
    expect(result.fieldErrors.name).toBe("Give the key a name.");
    expect(result.fieldErrors.ipAllowlist).toMatch(/^Entry 2: /);
  });

  it("put a DAL error's details.fields under their fields, and pass its message through", async () => {
    const { tenantId } = await createAccount("act-dal");
    const owner = await member(tenantId, "owner");
    const pem = "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----";
    const result = await createKey(as(owner))({ name: "bad pem", type: "public_key", publicKey: pem });
    expect(result).toMatchObject({ ok: false, code: "INVALID_KEY_FORMAT" });
    if (result.ok) return;
    expect(result.fieldErrors.publicKey).toBe(result.message);
    expect(Object.keys(result.fieldErrors)).toEqual(["publicKey"]);
  });

  it("answer a user's own success with its data, and hide unexpected errors", async () => {
    const { tenantId } = await createAccount("act-ok");
    const owner = await member(tenantId, "owner");
    const created = await createKey(as(owner))({ name: "fine" });
    expect(created).toEqual({ ok: true, data: expect.stringMatching(/^key_/) });
    const broken = createActionClient(as(owner)).action(
      { access: "write", input: z.object({}) },
      async () => {
        throw new Error("connection refused at 10.1.2.3 with password hunter2");
      },
    );
    expect(await broken({})).toEqual({
      ok: false,
      code: "INTERNAL_ERROR",
      message: expect.not.stringMatching(/hunter2|10\.1\.2\.3/),
      fieldErrors: {},
    });
    // "Busy, try again" is meant for the user, although it is a 503.
    const busy = createActionClient(as(owner)).action({ access: "write", input: z.object({}) }, async () => {
      throw new AppError("SERVICE_UNAVAILABLE", "Keydesk is busy; try again in 2 seconds.");
    });
    expect(await busy({})).toMatchObject({ ok: false, code: "SERVICE_UNAVAILABLE", message: /busy/ });
  });

  it("answer a malformed record id like an unknown one", async () => {
    const { tenantId } = await createAccount("act-id");
    const owner = await member(tenantId, "owner");
    const byId = createActionClient(as(owner)).actionWithId(
      { access: "write", input: z.object({}), notFound: "No API key with this id." },
      async (id) => id,
    );
    expect(await byId("x".repeat(65), {})).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await byId("key_123", {})).toEqual({ ok: true, data: "key_123" });
  });
});
