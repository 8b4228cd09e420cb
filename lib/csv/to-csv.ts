/**
 * CSV as RFC 4180 has it (CRLF line ends, quotes doubled), with the formula-injection guard OWASP
 * recommends: a text cell that a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return) is prefixed with `'`. User agents are written by whoever calls a key, so an
 * export opened in a spreadsheet must not run what they wrote. Numbers are written as they are.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
