import { describe, expect, it } from "vitest";
import { seal, unseal } from "./seal";

const secret = "a".repeat(32);

describe("seal / unseal", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = seal("aksec_hello", secret, "signing-secret");
    expect(sealed).not.toContain("hello");
    expect(unseal(sealed, secret, "signing-secret")).toBe("aksec_hello");
    expect(seal("aksec_hello", secret, "signing-secret")).not.toBe(sealed);
  });

  it("refuses another AUTH_SECRET, another purpose, and tampering", () => {
    const sealed = seal("value", secret, "signing-secret");
    expect(() => unseal(sealed, "b".repeat(32), "signing-secret")).toThrow();
    expect(() => unseal(sealed, secret, "other")).toThrow();
    const parts = sealed.split(".");
    const flipped = `${parts.slice(0, 3).join(".")}.${Buffer.from("xalue").toString("base64url")}`;
    expect(() => unseal(flipped, secret, "signing-secret")).toThrow();
    expect(() => unseal("garbage", secret, "signing-secret")).toThrow();
  });
});
