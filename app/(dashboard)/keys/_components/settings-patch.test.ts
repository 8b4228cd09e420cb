import { expect, it } from "vitest";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { changedSettings } from "./settings-patch";

const key: ApiKeyDto = {
  id: "key_000000000000000000000000",
  name: "Checkout",
  description: null,
  type: "secret",
  environment: "live",
  prefix: "ak_live_AbCd…wxyz",
  fingerprint: null,
  scopes: ["orders:read"],
  ipAllowlist: ["10.0.0.0/8"],
  expiresAt: null,
  rateLimitPerMinute: null,
  status: "active",
  revokedAt: null,
  revokedReason: null,
  createdAt: "2026-06-15T12:00:00.000Z",
  lastUsedAt: null,
  lastUsedIp: null,
  metadata: { team: "payments" },
  rotatedFromId: null,
  credits: null,
  identity: null,
  ratelimits: [],
};

it("sends only the fields that changed, and an expiry only when one was chosen", () => {
  expect(
    changedSettings(key, {
      name: "Checkout",
      description: null,
      scopes: ["orders:read"],
      ipAllowlist: ["10.0.0.0/8"],
      metadata: { team: "payments" },
    }),
  ).toEqual({});
  expect(
    changedSettings(key, { name: "Checkout EU", scopes: ["orders:read", "orders:write"], expiresAt: null }),
  ).toEqual({ name: "Checkout EU", scopes: ["orders:read", "orders:write"], expiresAt: null });
});
