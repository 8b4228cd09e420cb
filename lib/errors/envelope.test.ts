import { describe, expect, it } from "vitest";
import { jsonResponse } from "@/lib/api/responses";
import { AppError, rateLimitedError } from "./app-error";
import { appErrorOutput, errorOutput, errorResponse } from "./envelope";

describe("the one envelope writer", () => {
  it("writes {error: {code, message}} with the code's status and its default message", () => {
    const out = errorOutput("PAYLOAD_TOO_LARGE");
    expect(out.status).toBe(413);
    expect(JSON.parse(out.body)).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." },
    });
    expect(out.headers).toEqual({
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
    });
  });

  it("challenges on 401, unless the thrower named its own challenge", () => {
    expect(errorOutput("UNAUTHORIZED").headers["www-authenticate"]).toBe('Bearer realm="keydesk"');
    const own = appErrorOutput(
      new AppError("UNAUTHORIZED", undefined, undefined, { "WWW-Authenticate": "Basic" }),
    );
    expect(own.headers["www-authenticate"]).toBe("Basic");
    expect(errorOutput("FORBIDDEN").headers["www-authenticate"]).toBeUndefined();
  });

  it("gives a Fetch Response and a socket answer the same status, headers and body", async () => {
    const error = rateLimitedError(2.2);
    const out = appErrorOutput(error);
    const res = errorResponse(error);
    expect(res.status).toBe(out.status);
    expect(Object.fromEntries(res.headers)).toEqual(out.headers);
    expect(await res.text()).toBe(out.body);
    expect(out.headers["retry-after"]).toBe("3");
    expect(JSON.parse(out.body).error.details).toEqual({ retryAfter: 3 });
  });

  it("lets a route's own Cache-Control replace the default rather than join it", () => {
    const res = jsonResponse({ ok: 1 }, { headers: { "Cache-Control": "private, no-store" } });
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(jsonResponse({}).headers.get("cache-control")).toBe("no-store");
  });
});
