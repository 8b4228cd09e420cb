/**
 * Key pair and JWT signing in the browser with WebCrypto. The private key is exported only to be
 * downloaded by the user; it is never sent anywhere.
 */
function base64(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function pem(label: string, der: ArrayBuffer): string {
  const body =
    base64(der)
      .match(/.{1,64}/g)
      ?.join("\n") ?? "";
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

export type BrowserKeyPair = { privateKey: CryptoKey; publicPem: string; privatePem: string };

export async function generateEs256KeyPair(): Promise<BrowserKeyPair> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ]);
  const [spki, pkcs8] = await Promise.all([
    crypto.subtle.exportKey("spki", pair.publicKey),
    crypto.subtle.exportKey("pkcs8", pair.privateKey),
  ]);
  return {
    privateKey: pair.privateKey,
    publicPem: pem("PUBLIC KEY", spki),
    privatePem: pem("PRIVATE KEY", pkcs8),
  };
}

function base64url(input: string | ArrayBuffer): string {
  const b64 = typeof input === "string" ? btoa(input) : base64(input);
  return b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** ES256 JWT, exactly as seed 000's snippets make it; WebCrypto's ECDSA output is already R‖S. */
export async function signEs256Jwt(
  privateKey: CryptoKey,
  keyId: string,
  lifetimeSeconds = 300,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const input = `${base64url(JSON.stringify({ alg: "ES256", typ: "JWT" }))}.${base64url(JSON.stringify({ sub: keyId, iat: now, exp: now + lifetimeSeconds }))}`;
  const signature = await crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64url(signature)}`;
}

export function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/x-pem-file" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
