/**
 * PEM armor reading, tolerant only of what copy-paste does to a key (CRLF, indentation, trailing
 * spaces, blank lines, a BOM) and strict about structure, so every refusal can say what is wrong.
 */

const BEGIN_RE = /^-----BEGIN ([A-Z0-9 ]{1,64})-----$/;
const END_RE = /^-----END ([A-Z0-9 ]{1,64})-----$/;
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

export type PemArmorResult =
  | { ok: true; label: string; der: Buffer }
  | { ok: false; problem: PemArmorProblem };

export type PemArmorProblem =
  | "no_block"
  | "missing_header"
  | "missing_footer"
  | "mismatched_footer"
  | "multiple_blocks"
  | "stray_text"
  | "bad_base64";

export function pemLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.trim());
}

/** Labels of every BEGIN line, even in otherwise broken input, so the caller can spot a private key. */
export function pemLabels(lines: readonly string[]): string[] {
  return lines.flatMap((line) => BEGIN_RE.exec(line)?.[1] ?? []);
}

/** Exactly one block and nothing but blank lines around it; the body must be canonical base64. */
export function readSinglePemBlock(lines: readonly string[]): PemArmorResult {
  let label: string | null = null;
  let closed = false;
  let strayText = false;
  const body: string[] = [];
  for (const line of lines) {
    if (line === "") continue;
    const begin = BEGIN_RE.exec(line);
    const end = END_RE.exec(line);
    if (begin) {
      if (label !== null) return { ok: false, problem: closed ? "multiple_blocks" : "missing_footer" };
      label = begin[1] ?? "";
    } else if (end) {
      if (label === null || closed) return { ok: false, problem: "missing_header" };
      if (end[1] !== label) return { ok: false, problem: "mismatched_footer" };
      closed = true;
    } else if (label === null || closed) {
      strayText = true;
    } else {
      body.push(line);
    }
  }
  if (label === null) return { ok: false, problem: "no_block" };
  if (!closed) return { ok: false, problem: "missing_footer" };
  if (strayText) return { ok: false, problem: "stray_text" };
  // Spaces inside a line are a paste artefact; base64 never contains them, so dropping them is safe.
  const base64 = body.join("").replace(/\s+/g, "");
  if (base64.length % 4 !== 0 || !BASE64_RE.test(base64)) return { ok: false, problem: "bad_base64" };
  const der = Buffer.from(base64, "base64");
  // Node's decoder skips junk silently; a round trip proves every character was meaningful.
  if (der.toString("base64") !== base64) return { ok: false, problem: "bad_base64" };
  return { ok: true, label, der };
}
