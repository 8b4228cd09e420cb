import { describe, expect, it } from "vitest";
import * as keys from "./index";

describe("lib/keys public API", () => {
  it("exposes every credential helper from one entry point", () => {
    const key = keys.generateSecretKey("test");
    expect(keys.parseSecretKey(key)).toEqual({ environment: "test" });
    expect(keys.isKeyId(keys.generateKeyId())).toBe(true);
    const secret = keys.generateSigningSecret();
    const token = keys.signSignedKey(
      {
        environment: "live",
        tenantId: "ten_1",
        keyId: keys.generateKeyId(),
        scopes: ["a:read"],
        expiresAt: null,
        metadata: {},
      },
      secret,
    );
    expect(keys.verifySignedKey(token, [secret]).ok).toBe(true);
    expect(keys.parsePublicKeyPem("").ok).toBe(false);
    expect(keys.missingScopes(["a:read"], ["a:write"])).toEqual(["a:write"]);
  });
});
