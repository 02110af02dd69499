import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { configJsonSchemaText } from "../../src/config/json-schema.js";

describe("schema/ahr.config.schema.json", () => {
  it("is exactly what config/schema.ts generates (regenerate: see src/config/json-schema.ts)", async () => {
    const committed = await readFile(new URL("../../schema/ahr.config.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(configJsonSchemaText());
  });

  it("is strict: unknown keys are not allowed at the root or in a metric", () => {
    const s = JSON.parse(configJsonSchemaText()) as {
      additionalProperties: boolean;
      $defs: { metric: { additionalProperties: boolean; properties: Record<string, unknown> } };
    };
    expect(s.additionalProperties).toBe(false);
    expect(s.$defs.metric.additionalProperties).toBe(false);
    expect(Object.keys(s.$defs.metric.properties).sort()).toEqual(
      ["$comment", "days", "lagDays", "level", "target", "warnAt", "windows"].sort(),
    );
  });
});
