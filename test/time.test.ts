import { describe, expect, it } from "vitest";
import { formatDay, isValidZone, parseDay, zone } from "../src/time.js";

describe("day numbers", () => {
  it("round-trip and reject impossible dates", () => {
    expect(parseDay("1970-01-02")).toBe(1);
    expect(formatDay(parseDay("2026-02-28")! + 1)).toBe("2026-03-01");
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2026-2-1")).toBeNull();
  });
});

describe("zones", () => {
  it("UTC end of day is the last millisecond", () => {
    const z = zone("UTC");
    const d = parseDay("2026-11-20")!;
    expect(new Date(z.endOfDay(d)).toISOString()).toBe("2026-11-20T23:59:59.999Z");
  });
  it("Los Angeles: 2026-07-01 starts at 07:00Z (PDT, -7h), 2026-12-01 at 08:00Z (PST)", () => {
    const z = zone("America/Los_Angeles");
    expect(new Date(z.startOfDay(parseDay("2026-07-01")!)).toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(new Date(z.startOfDay(parseDay("2026-12-01")!)).toISOString()).toBe("2026-12-01T08:00:00.000Z");
    // 2026-07-02T03:00Z is still July 1 in Los Angeles (20:00 PDT)
    expect(formatDay(z.dayOf(Date.parse("2026-07-02T03:00:00Z")))).toBe("2026-07-01");
  });
  it("DST start day (2026-03-08 in the US) is 23 hours long", () => {
    const z = zone("America/Los_Angeles");
    const d = parseDay("2026-03-08")!;
    expect(z.endOfDay(d) + 1 - z.startOfDay(d)).toBe(23 * 3_600_000);
  });
  it("Berlin wall time 2026-10-02 14:00 is 12:00Z (CEST)", () => {
    const z = zone("Europe/Berlin");
    expect(new Date(z.fromWall(Date.UTC(2026, 9, 2, 14))).toISOString()).toBe("2026-10-02T12:00:00.000Z");
  });
  it("validates names", () => {
    expect(isValidZone("Europe/Berlin")).toBe(true);
    expect(isValidZone("Mars/Olympus")).toBe(false);
  });
});
