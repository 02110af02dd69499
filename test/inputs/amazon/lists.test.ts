/** Amazon's Account Health downloads (samples/README.md): recognised by header, dates sniffed. */
import { describe, expect, it } from "vitest";
import { METRICS } from "../../../src/catalog.js";
import { looksLikeList, readList } from "../../../src/inputs/amazon/lists.js";
import { formatDay, zone } from "../../../src/time.js";
import { fakeTable } from "../../helpers/table.js";

const UTC = zone("UTC");

describe("the cancellation list", () => {
  const text = [
    "Order Date,Order ID,Impacts Account Health",
    "5/12/2026,111-0000001-0000001,Yes",
    "5/13/2026,111-0000002-0000002,No",
    ",111-0000003-0000003,yes",
  ].join("\n");
  it("is recognised by its header and read month first", async () => {
    const t = fakeTable("cancellations.csv", text);
    expect(looksLikeList(t.header)).toBe(true);
    const list = await readList(t, UTC);
    expect(list.metric).toBe(METRICS.pfcr.id);
    expect(list.rows.map((r) => [r.orderId, r.day === null ? null : formatDay(r.day), r.counts, r.source.line])).toEqual([
      ["111-0000001-0000001", "2026-05-12", true, 2],
      ["111-0000002-0000002", "2026-05-13", false, 3],
      ["111-0000003-0000003", null, true, 4],
    ]);
  });
  it("a flag that is not yes/no is a VALUE error naming file, line and column", async () => {
    const t = fakeTable("c.csv", "Order Date,Order ID,Impacts Account Health\n5/12/2026,111-1,maybe");
    await expect(readList(t, UTC)).rejects.toMatchObject({
      code: "VALUE",
      message: 'c.csv:2: column "Impacts Account Health": "maybe" is not yes or no (true/false, y/n, 1/0, x/empty)',
    });
  });
});

describe("the valid-tracking list", () => {
  const header = "Order ID\tCarrier Name\tTracking ID\tOrigin Country\tPromised Delivery Date\tShip Method\tShip Option\tNo Valid Tracking\tNo Carrier Scan\tLate Scan\tNo Delivery Scan\tPackage Value\tProduct Category";
  it("is read day first when a date reads only that way (13/05/2026); X marks the order", async () => {
    const t = fakeTable("vtr.txt", [header, "111-1\tUPS\t1Z9\tUS\t02/05/2026\tStd\tStd\tX\t\t\t\t12.00\tHome", "111-2\tUSPS\t94\tUS\t13/05/2026\tStd\tStd\t\tX\t\t\t9.00\tHome"].join("\n"));
    expect(looksLikeList(t.header)).toBe(true);
    const list = await readList(t, UTC);
    expect(list.metric).toBe(METRICS.vtr.id);
    // 02/05/2026 day first is 2 May; 13/05/2026 only reads day first.
    expect(list.rows.map((r) => [r.orderId, formatDay(r.day!), r.counts])).toEqual([
      ["111-1", "2026-05-02", true],
      ["111-2", "2026-05-13", false],
    ]);
  });
  it("an orders file is not a list", () => {
    expect(looksLikeList(["amazon-order-id", "purchase-date", "fulfillment-channel"])).toBe(false);
  });
});
