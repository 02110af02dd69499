/** A hand-made report for formatter tests: breaches, risks, no data, hostile text, attention. */
import type { Report } from "../../src/report/types.js";
import { at, endOf, input, order, orders } from "../helpers/records.js";
import { run } from "../report/fakes.js";

export const HOSTILE_ID = "\u001b[2J112-\u202e1|<script>alert(1)</script>\u001b]0;pwned\u0007";
/** HOSTILE_ID cleaned: the sequences gone, the bidi override shown escaped (issue 17). */
export const HOSTILE_CLEAN = "112-\\u202e1|<script>alert(1)</script>";

const odrOffenders = [
  { orderId: "A", date: "2026-09-08", reason: "1-star feedback", source: "feedback.txt:2" },
  { orderId: "B", date: "2026-09-08", reason: "A-to-z claim granted", source: "claims.csv:2" },
  { orderId: HOSTILE_ID, date: "2026-09-20", reason: "chargeback \u009b31m*bold*", source: "chargebacks.csv:2" },
];

export const lateShipments = Array.from({ length: 12 }, (_, i) => ({
  orderId: `113-00000${String(i).padStart(2, "0")}-1234567`,
  date: "2026-11-12",
  reason: "shipped 2 days after the latest ship date",
  source: `a-rather-long-directory-name/and-a-long-file-name-for-orders.txt:${i + 2}`,
}));

export function sampleReport(o: { details?: boolean } = {}): Report {
  const ordersInput = {
    ...orders([
      order({ orderId: HOSTILE_ID, purchase: at("2026-11-15"), latestShip: endOf("2026-11-18"), source: { file: "orders.txt", line: 2 } }),
      order({ orderId: "due-1", purchase: at("2026-11-18"), latestShip: endOf("2026-11-20"), source: { file: "orders.txt", line: 3 } }),
    ]),
    rows: 1234,
  };
  const feedback = { ...input("feedback", [], ["order_id", "date", "rating"]), rows: 12 };
  return run({
    details: o.details ?? true,
    inputs: { orders: ordersInput, feedback },
    table: {
      // ODR (MFN): 3 of 100 = 3%, a breach of < 1%; drop-offs 11-21 (2) and 12-03 (1), clears 12-03.
      "odr mfn 2026-09-08": { numerator: 3, denominator: 100, offenders: odrOffenders },
      // previous odr window 07-10..09-07: 2 of 100 = 2%; change +1 pt.
      "odr mfn 2026-07-10": { numerator: 2, denominator: 100 },
      // LSR 10d: 33 of 1000 = 3.3%, at risk; headroom: largest m with m/1000 < 4% is 39, 39 - 33 = 6.
      "lsr mfn 2026-11-11": { numerator: 33, denominator: 1000, offenders: lateShipments, overdue: [] },
      // OTDR: no promised delivery date.
      "otdr mfn 2026-10-22": { numerator: null, denominator: null, reason: "missing orders column: promised_delivery_date" },
      "pfcr mfn 2026-11-14": { notes: [`note with a hostile value ${HOSTILE_ID} and a very long word ${"x".repeat(150)}`] },
    },
  });
}
