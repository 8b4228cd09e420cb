import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { createKeyInput } from "@/lib/dal/api-keys/schemas";
import { invalidInput, userFacingFailure } from "./action-result";

describe("userFacingFailure", () => {
  it("puts INVALID_KEY_FORMAT under the public key field", () => {
    const failure = userFacingFailure(new AppError("INVALID_KEY_FORMAT", "RSA keys are not supported"));
    expect(failure).toEqual({
      ok: false,
      message: "RSA keys are not supported",
      fieldErrors: { publicKey: "RSA keys are not supported" },
    });
  });

  it("uses details.fields and field-named messages", () => {
    const embedded = new AppError("VALIDATION_ERROR", "A signed key embeds its scopes", {
      fields: [{ path: "scopes", message: "Embedded in the signed key." }],
    });
    expect(userFacingFailure(embedded).fieldErrors).toEqual({ scopes: "Embedded in the signed key." });
    const named = userFacingFailure(new AppError("VALIDATION_ERROR", "publicKey: generate a new key pair."));
    expect(named.fieldErrors).toEqual({ publicKey: "generate a new key pair." });
  });

  it("passes FORBIDDEN and CONFLICT through as messages, and rethrows everything else", () => {
    expect(userFacingFailure(new AppError("FORBIDDEN", "Viewers have read-only access.")).message).toBe(
      "Viewers have read-only access.",
    );
    expect(() => userFacingFailure(new Error("db down"))).toThrow("db down");
    expect(() => userFacingFailure(new AppError("INTERNAL_ERROR"))).toThrow();
  });
});

it("invalidInput reports one message per field, naming list entries", () => {
  const parsed = createKeyInput.safeParse({ name: "", ipAllowlist: ["10.0.0.0/8", "nope"] });
  expect(parsed.success).toBe(false);
  if (parsed.success) return;
  const failure = invalidInput(parsed.error);
  expect(failure.fieldErrors.name).toBe("Give the key a name.");
  expect(failure.fieldErrors.ipAllowlist).toMatch(/^Entry 2: /);
});
