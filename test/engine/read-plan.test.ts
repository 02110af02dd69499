/**
 * The read the engine plans (ReadOptions `keepFromDay`, `keep`): the defect rows of orders kept
 * out as too old are left out inside readInputs (the engine no longer does it afterwards), and
 * nothing the caller passed is changed.
 */
import { describe, expect, it } from "vitest";
import { readInputsWith, type ReadOptions, type ReadRequest } from "../../src/inputs/index.js";
import { parseDay, zone } from "../../src/time.js";
import { fakeFs } from "../helpers/table.js";

const ORDERS =
  "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n" +
  "OLD\t2026-01-02T14:21:07+00:00\tShipped\tMerchant\n" +
  "NEW\t2026-10-02T14:21:07+00:00\tShipped\tMerchant";
// Feedback on OLD (twice), NEW and an order not in the orders input at all (GONE).
const FEEDBACK = "Date\tRating\tComments\tOrder ID\n1/9/26\t1\tbad\tOLD\n10/9/26\t1\tbad\tNEW\n1/10/26\t2\tmeh\tOLD\n10/9/26\t1\tbad\tGONE";
const CLAIMS = "order_id,claim-status,claim-date\nOLD,Granted,2026-01-05\nNEW,Granted,2026-10-05";

describe("readInputs drops the defect rows of orders kept out as too old", () => {
  const request = (): ReadRequest => ({ files: { orders: ["o.txt"], feedback: ["fb.txt"], claims: ["c.csv"] }, auto: [] });
  const options = (): ReadOptions => ({
    zone: zone("UTC"),
    dateOrder: "mdy",
    columns: {},
    skipInvalid: false,
    keepFromDay: parseDay("2026-06-01")!,
    keep: { defectsOnly: true, fromDay: {} },
  });

  it("leaves them out; recordCount still counts every record read; unknown orders stay (unmatched)", async () => {
    const fs = fakeFs({ "o.txt": ORDERS, "fb.txt": FEEDBACK, "c.csv": CLAIMS });
    const inputs = await readInputsWith(request(), options(), fs.deps);
    expect([...inputs.orders!.outsideIds]).toEqual(["OLD"]);
    expect(inputs.orders!.records.map((o) => o.orderId)).toEqual(["NEW"]);
    // 4 feedback rows read, all 1-2 stars (kept by defectsOnly); the 2 on OLD are left out.
    expect(inputs.feedback!.records.map((f) => f.orderId)).toEqual(["NEW", "GONE"]);
    expect(inputs.feedback!.recordCount).toBe(4);
    // 2 claims read, the one on OLD left out.
    expect(inputs.claims!.records.map((c) => c.orderId)).toEqual(["NEW"]);
    expect(inputs.claims!.recordCount).toBe(2);
  });

  it("changes nothing it was given", async () => {
    const fs = fakeFs({ "o.txt": ORDERS, "fb.txt": FEEDBACK, "c.csv": CLAIMS });
    const req = request();
    const opts = options();
    const before = JSON.stringify({ req, opts: { ...opts, zone: undefined } });
    await readInputsWith(req, opts, fs.deps);
    expect(JSON.stringify({ req, opts: { ...opts, zone: undefined } })).toBe(before);
  });

  it("without keepFromDay every defect row stays", async () => {
    const fs = fakeFs({ "o.txt": ORDERS, "fb.txt": FEEDBACK, "c.csv": CLAIMS });
    const { keepFromDay: _, ...all } = options();
    const inputs = await readInputsWith(request(), all, fs.deps);
    expect(inputs.feedback!.records.map((f) => f.orderId)).toEqual(["OLD", "NEW", "OLD", "GONE"]);
    expect(inputs.claims!.recordCount).toBeUndefined();
  });
});
