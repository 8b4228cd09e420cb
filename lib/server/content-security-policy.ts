/**
 * The dashboard's Content-Security-Policy. Scripts run only with this response's nonce (Next puts
 * it on its own bootstrap and chunk scripts), and 'strict-dynamic' lets those load the chunks they
 * import. Styles keep 'unsafe-inline': React's `style` attributes (the usage charts) cannot carry
 * a nonce, and a style cannot run code. Development adds 'unsafe-eval' for React's debugging tools.
 */
export function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for every page view. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
