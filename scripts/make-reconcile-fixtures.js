#!/usr/bin/env node
/**
 * Writes fixtures/reconcile/exports/seller-performance.json and fixtures/reconcile/v2-differs.json:
 * Amazon's V2 seller performance report for the orders and feedback in fixtures/reconcile/exports, with the counts worked by hand (the
 * arithmetic is in the README, "Does it match Seller Central?", and test/cli/reconcile.test.ts).
 * v2-differs.json (outside exports/) is the same document with one count changed: the 10-day LSR says 2 late
 * shipments where the inputs hold 1.
 */
import { writeFileSync } from "node:fs";

const range = (from, to) => ({ reportingDateFrom: `${from}T00:00:00Z`, reportingDateTo: `${to}T23:59:59Z` });
const lsr = (from, to, orderCount, lateShipmentCount) => ({
  reportingDateRange: range(from, to),
  orderCount,
  lateShipmentCount,
  status: "GOOD",
  rate: Number((lateShipmentCount / orderCount).toFixed(6)),
  targetValue: 0.04,
  targetCondition: "LESS_THAN",
});
const odr = (type, orderCount, defects, negativeFeedback) => ({
  reportingDateRange: range("2026-03-06", "2026-05-04"),
  orderCount,
  orderWithDefects: { count: defects, status: "NONE" },
  claims: { count: 0, status: "NONE" },
  chargebacks: { count: 0, status: "NONE" },
  negativeFeedback: { count: negativeFeedback, status: "NONE" },
  fulfillmentType: type,
  status: defects > 0 ? "BAD" : "GOOD",
  rate: Number((defects / orderCount).toFixed(6)),
  targetValue: 0.01,
  targetCondition: "LESS_THAN",
});

function document(lsr10Late) {
  return {
    accountStatuses: [{ marketplaceId: "ATVPDKIKX0DER", status: "NORMAL" }],
    performanceMetrics: [
      {
        marketplaceId: "ATVPDKIKX0DER",
        accountHealthRating: { ahrScore: 250, ahrStatus: "GREAT", reportingDateRange: range("2025-11-21", "2026-05-19") },
        // 4 MFN orders purchased 03-06..05-04, one with 1-star feedback; 2 AFN orders, none
        orderDefectRate: { mfn: odr("mfn", 4, 1, 1), afn: odr("afn", 2, 0, 0) },
        // 10 days 05-10..05-19: 3 shipped MFN orders due then, 1 late; 30 days 04-20..05-19: 5, 1 late
        lateShipmentRateList: [lsr("2026-05-10", "2026-05-19", 3, lsr10Late), lsr("2026-04-20", "2026-05-19", 5, 1)],
        // 4 MFN orders purchased 05-13..05-19, 1 cancelled by the seller
        preFulfillmentCancellationRate: {
          reportingDateRange: range("2026-05-13", "2026-05-19"),
          orderCount: 4,
          cancellationCount: 1,
          status: "BAD",
          rate: 0.25,
          targetValue: 0.025,
          targetCondition: "LESS_THAN",
        },
        // 5 shipments shipped 04-20..05-19, 4 with a tracking number
        validTrackingRate: {
          reportingDateRange: range("2026-04-20", "2026-05-19"),
          shipmentCount: 5,
          validTrackingCount: 4,
          status: "BAD",
          rate: 0.8,
          targetValue: 0.95,
          targetCondition: "GREATER_THAN",
        },
        // the inputs have no delivery dates: not comparable
        onTimeDeliveryRate: {
          reportingDateRange: range("2026-04-20", "2026-05-19"),
          shipmentCountWithValidTracking: 4,
          onTimeDeliveryCount: 4,
          status: "GOOD",
          rate: 1,
          targetValue: 0.97,
          targetCondition: "GREATER_THAN",
        },
        listingPolicyViolations: { reportingDateRange: range("2025-11-21", "2026-05-19"), defectsCount: 0, status: "GOOD", targetValue: 0, targetCondition: "EQUALS" },
        receivedIntellectualPropertyComplaints: { reportingDateRange: range("2025-11-21", "2026-05-19"), defectsCount: 1, status: "BAD", targetValue: 0, targetCondition: "EQUALS" },
        warningStates: [],
      },
    ],
  };
}

const dir = new URL("../fixtures/reconcile/", import.meta.url);
writeFileSync(new URL("exports/seller-performance.json", dir), `${JSON.stringify(document(1), null, 2)}\n`);
writeFileSync(new URL("v2-differs.json", dir), `${JSON.stringify(document(2), null, 2)}\n`);
