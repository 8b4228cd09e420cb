import { describe, expect, it } from "vitest";
import { hasCredentialInQuery } from "./credential-query";

const SECRET = `ak_live_${"A".repeat(49)}`;
const SIGNED = `akv1_test_${"B".repeat(40)}.${"c".repeat(43)}`;
const JWS = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJrZXlfeCJ9.c2lnbmF0dXJl";

describe("hasCredentialInQuery", () => {
  it.each([
    "/api/v1/whoami?api_key=x",
    "/api/v1/whoami?API_KEY=x",
    "/api/v1/whoami?apiKey=x",
    "/api/v1/whoami?Api-Key=x",
    "/api/v1/whoami?x-api-key=x",
    "/api/v1/whoami?Key=x",
    "/api/v1/whoami?KEY=1&key=2",
    "/api/v1/whoami?x=1&token=abc",
    "/api/v1/whoami?apiKey",
    "http://k.test/api/tenants/me?access_token=eyJ",
    "http://k.test/api/tenants/me?Access_Token=x",
    "/x?api_key[]=x",
    "/x?client_secret=x",
    `/x?q=${SECRET}`,
    `/x?q=prefix-${SECRET}-suffix`,
    `/x?${SECRET}`,
    `/x?note=${encodeURIComponent(SIGNED)}`,
    `/x?state=${JWS}`,
    `/x?%61pi_key=1`,
    `/x?callback=${encodeURIComponent(`/y?k=${SECRET}`)}`,
  ])("refuses %s", (url) => expect(hasCredentialInQuery(url)).toBe(true));

  it.each([
    "/api/v1/whoami",
    "/api/v1/whoami?",
    "/api/tenants/me/api-keys?cursor=abc&keyId=key_x&targetId=key_y",
    "/api/tenants/me/usage?from=2026-01-01T00:00:00Z&interval=hour",
    "/x?monkey=1&keys=2&tokens=3",
    "/x?q=ak_live_",
    "/x?cursor=eyJpZCI6ImtleV94In0",
  ])("allows %s", (url) => expect(hasCredentialInQuery(url)).toBe(false));
});
