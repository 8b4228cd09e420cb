const base = process.argv[2];
async function api(p, body, token, method = "POST") {
  const r = await fetch(base + p, { method, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(p + " " + r.status + " " + (await r.text()));
  return r.json();
}
const email = `lab-${Date.now()}@example.com`, password = "lab password 123";
await api("/api/auth/register", { email, password, tenantName: "Lab" });
const { accessToken } = await api("/api/auth/login", { email, password });
await api("/api/tenants/me", { rateLimitPerMinute: null }, accessToken, "PATCH");
const k = await api("/api/tenants/me/api-keys", { name: "lab", type: "secret", environment: "live" }, accessToken);
process.stdout.write(k.key);
