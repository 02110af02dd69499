import { describe, it, expect } from "vitest";
import { INPUT_KINDS } from "../../src/records.js";
import { SCHEMAS, fieldSpec } from "../../src/inputs/registry.js";
import { normaliseHeader } from "../../src/inputs/headers.js";

describe("SCHEMAS", () => {
  it("has every kind with the required fields of SPEC section 3", () => {
    const required = (k: keyof typeof SCHEMAS) => SCHEMAS[k].filter((f) => f.required).map((f) => f.name);
    expect(Object.keys(SCHEMAS).sort()).toEqual([...INPUT_KINDS].sort());
    expect(required("orders")).toEqual(["order_id", "purchase_date", "fulfillment_channel"]);
    expect(required("feedback")).toEqual(["order_id", "date", "rating"]);
    expect(required("claims")).toEqual(["order_id", "status"]);
    expect(required("chargebacks")).toEqual(["order_id"]);
    expect(required("messages")).toEqual(["received_at"]);
    expect(required("returns")).toEqual(["order_id", "requested_at"]);
    expect(required("violations")).toEqual(["policy", "severity", "detected_at"]);
  });
  it("within a kind no two fields accept the same normalised header", () => {
    for (const kind of INPUT_KINDS) {
      const seen = new Map<string, string>();
      for (const f of SCHEMAS[kind]) {
        for (const name of [f.name, ...f.aliases]) {
          const n = normaliseHeader(name);
          const other = seen.get(n);
          expect(other === undefined || other === f.name, `${kind}: ${name} in ${other} and ${f.name}`).toBe(true);
          seen.set(n, f.name);
        }
      }
    }
  });
  it("every field has a description; fieldSpec finds fields", () => {
    for (const kind of INPUT_KINDS) for (const f of SCHEMAS[kind]) expect(f.description.length).toBeGreaterThan(5);
    expect(fieldSpec("returns", "action")!.aliases).toEqual(["Return request status", "Resolution"]);
    expect(fieldSpec("orders", "nope")).toBeUndefined();
  });
});
