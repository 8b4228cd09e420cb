/**
 * The browser's sign-in, over plain HTTP as next-auth's client does it: a CSRF token and cookie,
 * then the credentials form. Returns the cookie header a browser would send afterwards.
 */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

function merge(jar: string[], set: string[]): string[] {
  const byName = new Map(jar.map((cookie) => [cookie.split("=")[0], cookie]));
  for (const cookie of set) byName.set(cookie.split("=")[0], cookie);
  return [...byName.values()];
}

export async function csrf(baseUrl: string, jar: string[] = []): Promise<{ token: string; jar: string[] }> {
  const res = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.join("; ") } });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, jar: merge(jar, cookiesOf(res)) };
}

export async function browserSignIn(baseUrl: string, email: string, password: string): Promise<string[]> {
  const { token, jar } = await csrf(baseUrl);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
  });
  const signedIn = merge(jar, cookiesOf(res));
  if (!signedIn.some((cookie) => cookie.startsWith("next-auth.session-token=")))
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return signedIn;
}

export async function browserSignOut(baseUrl: string, jar: string[]): Promise<void> {
  const { token, jar: withCsrf } = await csrf(baseUrl, jar);
  await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: withCsrf.join("; ") },
    body: new URLSearchParams({ csrfToken: token, json: "true" }),
  });
}

/** 200 when the cookie opens the dashboard, else the redirect status (to /login). */
export async function dashboardStatus(baseUrl: string, jar: string[]): Promise<number> {
  const res = await fetch(`${baseUrl}/keys`, { redirect: "manual", headers: { cookie: jar.join("; ") } });
  return res.status;
}
