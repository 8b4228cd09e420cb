import { createPublicKey, type JsonWebKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyCompactEs256 } from "./es256-compact";

/**
 * Wycheproof JSON Web Signature vectors relevant to ES256: the `es256` and `SpecialCaseEs256`
 * groups, and every `AlgIsNone` vector whatever its group. Payloads are not JSON ("foo"), which is
 * why they run through the compact JWS verifier, not the JWT one. Each group's public JWK is
 * imported as is; the verifier must accept or reject exactly as labelled.
 */
type JwsVector = { tcId: number; comment: string; jws: unknown; result: string; flags: string[] };
type JwsFile = { testGroups: { comment: string; public?: JsonWebKey; tests: JwsVector[] }[] };

const file = new URL("../../test/fixtures/wycheproof/json_web_signature_test.json", import.meta.url);
const data = JSON.parse(readFileSync(file, "utf8")) as JwsFile;

const ES256_GROUPS = new Set(["es256", "SpecialCaseEs256"]);

const cases = data.testGroups.flatMap((group) =>
  group.tests
    .filter((test) => ES256_GROUPS.has(group.comment) || test.flags.includes("AlgIsNone"))
    .map((test) => ({ ...test, group: group.comment, jwk: group.public })),
);

describe("Wycheproof json_web_signature (ES256 and alg none)", () => {
  it("selects the ES256 vectors", () => {
    const groups = new Set(cases.map((c) => c.group));
    expect(groups.has("es256") && groups.has("SpecialCaseEs256")).toBe(true);
    expect(cases.filter((c) => c.flags.includes("AlgIsNone")).length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)("tcId $tcId [$group] $comment → $result", ({ jws, jwk, result }) => {
    expect(typeof jws).toBe("string");
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: jwk as JsonWebKey, format: "jwk" });
    const outcome = verifyCompactEs256(jws as string, key);
    expect(outcome.ok).toBe(result === "valid");
    if (outcome.ok) expect(outcome.payloadBytes.toString()).toBe("foo");
  });
});
