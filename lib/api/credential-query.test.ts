import { describe, expect, it } from "vitest";
import { hasCredentialInQuery } from "./credential-query";

describe("hasCredentialInQuery", () => {
  it.each([
    "/api/v1/whoami?api_key=ak_live_x",
    "/api/v1/whoami?x=1&token=abc",
    "/api/v1/whoami?apiKey",
    "http://k.test/api/tenants/me?access_token=eyJ",
    "/api/v1/whoami?KEY=1&key=2",
  ])("refuses %s", (url) => expect(hasCredentialInQuery(url)).toBe(true));

  it.each([
    "/api/v1/whoami",
    "/api/v1/whoami?",
    "/api/tenants/me/api-keys?cursor=abc&keyId=key_x",
    "/x?monkey=1",
  ])("allows %s", (url) => expect(hasCredentialInQuery(url)).toBe(false));
});
