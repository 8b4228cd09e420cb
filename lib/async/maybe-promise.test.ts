import { describe, expect, it } from "vitest";
import { andThen, attempt } from "./maybe-promise";

describe("andThen", () => {
  it("continues synchronously with a value at hand, so no promise is made", () => {
    expect(andThen(2, (n) => n * 3)).toBe(6);
  });

  it("waits for a promise and continues with its value", async () => {
    const later = andThen(Promise.resolve(2), (n) => n * 3);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(6);
  });

  it("passes a rejection on, and lets a synchronous throw propagate", async () => {
    await expect(andThen(Promise.reject(new Error("later")), (n: number) => n)).rejects.toThrow("later");
    expect(() =>
      andThen(1, () => {
        throw new Error("now");
      }),
    ).toThrow("now");
  });
});

describe("attempt", () => {
  const recover = (error: unknown) => `recovered from ${(error as Error).message}`;

  it("sends a synchronous throw to the handler, synchronously", () => {
    expect(
      attempt(() => {
        throw new Error("now");
      }, recover),
    ).toBe("recovered from now");
  });

  it("sends a rejection to the same handler", async () => {
    expect(await attempt(() => Promise.reject(new Error("later")), recover)).toBe("recovered from later");
  });

  it("returns a value untouched, synchronously", () => {
    expect(attempt(() => "fine", recover)).toBe("fine");
  });
});
