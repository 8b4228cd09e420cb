import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./to-csv";

describe("csvCell", () => {
  it("quotes separators, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const formula of ["=1+1", "+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(csvCell(formula).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("curl/8.0 =1")).toBe("curl/8.0 =1");
  });

  it("writes numbers as numbers and nothing for null", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

it("toCsv ends every line with CRLF, header first", () => {
  expect(
    toCsv(
      ["a", "b"],
      [
        [1, "x"],
        [2, null],
      ],
    ),
  ).toBe("a,b\r\n1,x\r\n2,\r\n");
});
