import { describe, expect, it } from "vitest";
import { formatDateTime, formatLogTime, relativeTime } from "./format";

const NOW = Date.parse("2026-06-15T12:00:00Z");
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe("relativeTime", () => {
  it("says Never for a key never used", () => {
    expect(relativeTime(null, NOW)).toBe("Never");
  });

  it("reads naturally in the past and the future", () => {
    expect(relativeTime(at(-10), NOW)).toBe("just now");
    expect(relativeTime(at(-180), NOW)).toBe("3 minutes ago");
    expect(relativeTime(at(3599), NOW)).toBe("in 60 minutes");
    expect(relativeTime(at(-3 * 3600), NOW)).toBe("3 hours ago");
    expect(relativeTime(at(-86_400), NOW)).toBe("24 hours ago");
    expect(relativeTime(at(7 * 86_400), NOW)).toBe("in 7 days");
    expect(relativeTime(at(-90 * 86_400), NOW)).toBe("3 months ago");
  });
});

it("formats in UTC and says so", () => {
  expect(formatDateTime("2026-06-15T12:00:00Z")).toBe("Jun 15, 2026, 12:00 PM UTC");
  expect(formatLogTime("2026-06-15T00:04:05.123Z")).toBe("Jun 15, 00:04:05");
});
