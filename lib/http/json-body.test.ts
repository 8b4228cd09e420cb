import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { MAX_JSON_DEPTH, parseJsonText } from "./json-body";

function refusal(text: string): string | undefined {
  try {
    parseJsonText(text);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
}

const nested = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

describe("parseJsonText", () => {
  it("accepts small ordinary bodies and nesting up to the limit", () => {
    expect(parseJsonText('{"key":"ak_live_x","scopes":["a","b"]}')).toEqual({
      key: "ak_live_x",
      scopes: ["a", "b"],
    });
    expect(refusal(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(parseJsonText("  ")).toEqual({});
  });

  it("refuses nesting past the limit, in arrays and objects", () => {
    expect(refusal(nested(MAX_JSON_DEPTH + 1))).toMatch(/^VALIDATION_ERROR: JSON is nested/);
    expect(refusal(`${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${"}".repeat(MAX_JSON_DEPTH + 1)}`)).toMatch(
      /nested/,
    );
  });

  it("refuses a NUL however the escape is spelled, in keys and values", () => {
    expect(refusal('{"name":"a\\u0000b"}')).toMatch(/NUL/);
    expect(refusal('{"name":"a\\U0000b"}')).toMatch(/^INVALID_JSON/); // not a JSON escape at all
    expect(refusal('{"a\\u0000":1}')).toMatch(/NUL/);
  });

  it("does not take an escaped backslash before u0000 for a NUL", () => {
    expect(parseJsonText('{"name":"a\\\\u0000b"}')).toEqual({ name: "a\\u0000b" });
  });

  it("still checks depth when brackets hide inside strings but real nesting is deep", () => {
    const text = `{"s":"${"[".repeat(40)}","v":${nested(MAX_JSON_DEPTH + 1)}}`;
    expect(refusal(text)).toMatch(/nested/);
    expect(refusal(`{"s":"${"[".repeat(40)}"}`)).toBeUndefined();
  });
});
