import { describe, expect, it } from "vitest";
import { initConfig, initConfigText, INIT_SCHEMA_REF } from "../../src/cli/commands/init.js";
import { defaultConfig } from "../../src/config/defaults.js";
import { parseConfig, resolveConfig } from "../../src/config/load.js";

describe("ahr init's file", () => {
  it("is valid, references the shipped schema, and resolves to exactly the defaults", async () => {
    const value = JSON.parse(initConfigText()) as Record<string, unknown>;
    expect(value).toEqual(initConfig());
    expect(value.$schema).toBe(INIT_SCHEMA_REF);
    expect(resolveConfig(await parseConfig(value, "ahr.config.json"))).toEqual(defaultConfig());
  });

  it("spells every setting out except warnAt, which follows the target", () => {
    const text = initConfigText();
    expect(text).toContain('"windows": [10, 30]');
    expect(text).toContain('"windows": [7, 30, 90]');
    expect(text).toContain('"days": 60');
    expect(text).toContain('"lagDays": 14');
    expect(text).not.toMatch(/"warnAt":/);
    // The comment gives today's warnAt: odr 0.8 x 0.01 = 0.008.
    expect(text).toContain("Order Defect Rate: target < 1%; warnAt now 0.008 (0.8%)");
    expect(text).toContain("Valid Tracking Rate: target >= 95%; warnAt now 0.96 (96%)");
  });
});
