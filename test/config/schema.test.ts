import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/schema.js";

function problem(value: unknown): string {
  const r = validateConfig(value);
  if (r.ok) throw new Error("expected a problem");
  return `${r.problem.key}: ${r.problem.detail}`;
}

describe("config schema: valid files", () => {
  it("accepts an empty object and the SPEC section 6 example", () => {
    expect(validateConfig({}).ok).toBe(true);
    const spec = {
      $schema: "./node_modules/ahr/schema/ahr.config.schema.json",
      timeZone: "UTC",
      dateOrder: "mdy",
      countPendingClaims: false,
      metrics: {
        odr: { target: 0.01, warnAt: 0.008, days: 60, lagDays: 14, level: "error" },
        lsr: { windows: [10, 30] },
        crt: { windows: [7, 30, 90], level: "off" },
      },
      ahr: {
        severityPoints: { low: 2, medium: 4, high: 8 },
        repeatDoubling: false,
        repeatLimits: { intellectual_property: 5, restricted_products: 2 },
      },
      columns: { orders: { shipped_at: "Ship Confirm Date" } },
    };
    expect(validateConfig(spec)).toEqual({ ok: true, value: spec });
  });

  it("allows $comment in every object", () => {
    const r = validateConfig({
      $comment: "x",
      metrics: { $comment: "x", odr: { $comment: "x" } },
      ahr: { $comment: "x", severityPoints: { $comment: "x" }, repeatLimits: { $comment: "x" } },
      columns: { $comment: "x", orders: { $comment: "x" } },
    });
    expect(r.ok).toBe(true);
  });

  it("takes fractions with up to 6 decimals, and 0 and 1 themselves", () => {
    expect(validateConfig({ metrics: { odr: { target: 0.012345 } } }).ok).toBe(true);
    expect(validateConfig({ metrics: { odr: { target: 0 } } }).ok).toBe(true);
    expect(validateConfig({ metrics: { vtr: { target: 1 } } }).ok).toBe(true);
  });
});

describe("config schema: every error names the key path", () => {
  it("unknown keys, at the root and nested", () => {
    expect(problem({ timezone: "UTC" })).toMatch(/^timezone: unknown key/);
    expect(problem({ metrics: { odr: { targt: 0.01 } } })).toMatch(/^metrics\.odr\.targt: unknown key/);
    expect(problem({ metrics: { xyz: {} } })).toMatch(/^metrics\.xyz: unknown key/);
    expect(problem({ columns: { orders: { ship_date: "Ship Date" } } })).toMatch(/^columns\.orders\.ship_date: unknown key/);
    expect(problem({ columns: { order: {} } })).toMatch(/^columns\.order: unknown key/);
  });

  it("fractions out of range or with too many decimals", () => {
    expect(problem({ metrics: { odr: { target: 1.5 } } })).toBe("metrics.odr.target: expected a number between 0 and 1");
    expect(problem({ metrics: { odr: { target: -0.1 } } })).toBe("metrics.odr.target: expected a number between 0 and 1");
    expect(problem({ metrics: { odr: { target: "1%" } } })).toBe("metrics.odr.target: expected a number between 0 and 1");
    expect(problem({ metrics: { odr: { warnAt: 0.0080001 } } })).toMatch(/^metrics\.odr\.warnAt: expected at most 6 decimal places/);
  });

  it("windows: positive whole days up to 365, different, days xor windows", () => {
    expect(problem({ metrics: { lsr: { windows: [10, 0] } } })).toBe("metrics.lsr.windows[1]: expected a whole number of days from 1 to 365");
    expect(problem({ metrics: { lsr: { windows: [10, 366] } } })).toBe("metrics.lsr.windows[1]: expected a whole number of days from 1 to 365");
    expect(problem({ metrics: { odr: { days: 7.5 } } })).toBe("metrics.odr.days: expected a whole number of days from 1 to 365");
    expect(problem({ metrics: { lsr: { windows: [] } } })).toBe("metrics.lsr.windows: expected at least one window");
    expect(problem({ metrics: { lsr: { windows: [10, 10] } } })).toBe("metrics.lsr.windows: expected different window lengths");
    expect(problem({ metrics: { odr: { days: 60, windows: [60] } } })).toBe("metrics.odr: give either days or windows, not both");
    expect(problem({ metrics: { odr: { lagDays: -1 } } })).toBe("metrics.odr.lagDays: expected a whole number of days from 0 to 365");
  });

  it("enums, booleans, zones, headers, non-objects", () => {
    expect(problem({ metrics: { odr: { level: "fatal" } } })).toBe('metrics.odr.level: expected one of "off", "warn", "error"');
    expect(problem({ dateOrder: "ymd" })).toBe('dateOrder: expected one of "mdy", "dmy"');
    expect(problem({ countPendingClaims: "yes" })).toBe("countPendingClaims: expected true or false");
    expect(problem({ timeZone: "Mars/Olympus" })).toMatch(/^timeZone: expected an IANA time zone name/);
    expect(problem({ columns: { orders: { shipped_at: " " } } })).toBe("columns.orders.shipped_at: expected a non-empty header text");
    expect(problem({ metrics: { odr: null } })).toMatch(/^metrics\.odr: /);
    expect(problem([])).toBe("(root): expected an object");
    expect(problem({ ahr: { severityPoints: { low: 2.5 } } })).toBe("ahr.severityPoints.low: expected a whole number of points from 0 to 1000");
    expect(problem({ ahr: { repeatLimits: { restricted_products: 0 } } })).toBe(
      "ahr.repeatLimits.restricted_products: expected a whole number from 1 to 1000",
    );
  });
});
