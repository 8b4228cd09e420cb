import { describe, expect, it } from "vitest";
import { displayStatus } from "./badges";

const NOW = Date.parse("2026-06-15T12:00:00Z");
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe("displayStatus", () => {
  it("marks active keys that stop within a week as expiring soon", () => {
    expect(displayStatus({ status: "active", expiresAt: null }, NOW)).toBe("active");
    expect(displayStatus({ status: "active", expiresAt: at(3600) }, NOW)).toBe("expiring");
    expect(displayStatus({ status: "active", expiresAt: at(8 * 86_400) }, NOW)).toBe("active");
    expect(displayStatus({ status: "revoked", expiresAt: at(3600) }, NOW)).toBe("revoked");
  });
});
