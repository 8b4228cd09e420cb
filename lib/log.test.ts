import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "@/lib/api/route";
import { overrideEnvForTests } from "./env";
import { describeError, log, redact } from "./log";

const secretKey = `ak_live_${"A1b2C3d4".repeat(5)}abc123456`;
const signedKey = "akv1_live_3xYzAbCdEf.0123456789abcdefghijABCDEFGHIJ0123456789abc";
const jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJrZXlfeCJ9.c2lnbmF0dXJl";

afterEach(() => vi.restoreAllMocks());

describe("redact", () => {
  it("masks every credential shape Keydesk issues or accepts", () => {
    const line = `key=${secretKey} signed=${signedKey} token=${jwt} header="Bearer abc.def" refresh=rt_${"x".repeat(43)} sec=aksec_${"y".repeat(43)}`;
    const out = redact(line);
    for (const secret of [secretKey, signedKey, jwt, "abc.def", "x".repeat(43), "y".repeat(43)])
      expect(out).not.toContain(secret);
  });
});

describe("log lines", () => {
  it("never carry a key, even when an exception message does", async () => {
    overrideEnvForTests({ logLevel: "info" });
    const writes: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const res = handleError(
      new Error(`lookup failed for ${secretKey} and ${jwt}`),
      new Request(`http://k.test/api/v1/whoami?x=${secretKey}`),
    );
    expect(res.status).toBe(500);
    log.warn("odd", { header: `Bearer ${secretKey}` });
    expect(writes.length).toBeGreaterThanOrEqual(2);
    const all = writes.join("");
    expect(all).not.toContain(secretKey);
    expect(all).not.toContain(jwt);
    expect(await res.text()).not.toContain(secretKey);
    overrideEnvForTests({ logLevel: "silent" });
  });
});

describe("describeError", () => {
  it("leaves out the parameters drizzle puts in a failed query's message", async () => {
    const { DrizzleQueryError } = await import("drizzle-orm/errors");
    const hash = "f3a9c1d2e4b5a6978877665544332211ffeeddccbbaa99887766554433221100";
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const described = JSON.stringify(
      describeError(
        new DrizzleQueryError('select "id" from "api_keys" where "secret_hash" = $1', [hash], cause),
      ),
    );
    expect(described).not.toContain(hash);
    expect(described).toContain("ECONNREFUSED");
    expect(described).toContain("api_keys");
  });
});
