/**
 * The fields of every input kind (SPEC section 3): canonical name, whether the column is
 * required, the headers accepted for it beyond the canonical name, and what it means.
 * `ahr schema` prints this table; headers.ts matches file headers against it.
 *
 * Alias order matters where one file can carry two accepted headers for the same field: the
 * canonical name wins, then the aliases in the order written here (returns: `Return request
 * status` before `Resolution`, so a rejection is seen).
 */
import type { InputKind } from "../records.js";

export interface FieldSpec {
  /** Canonical field name (snake_case). */
  name: string;
  required: boolean;
  /** Accepted headers beyond the canonical name, as Amazon or the docs spell them. */
  aliases: string[];
  description: string;
}

const f = (name: string, required: boolean, aliases: string[], description: string): FieldSpec => ({
  name,
  required,
  aliases,
  description,
});

export const SCHEMAS: Record<InputKind, FieldSpec[]> = {
  orders: [
    f("order_id", true, ["amazon-order-id", "order-id", "Order ID"], "Amazon order id; rows with the same id are one order"),
    f("purchase_date", true, ["purchase-date", "order-date", "Order Date"], "when the order was placed"),
    f(
      "fulfillment_channel",
      true,
      ["fulfillment-channel", "channel"],
      "Amazon, AFN or FBA (fulfilled by Amazon); Merchant, MFN, FBM or Seller (seller-fulfilled)",
    ),
    f("order_status", false, ["order-status"], "Shipped, Pending, PendingAvailability, Cancelled, ..."),
    f("item_status", false, ["item-status"], "status of the item row; one cancelled item marks the order cancelled"),
    f(
      "cancelled_by",
      false,
      ["cancellation-initiator", "cancelled-by", "is-buyer-requested-cancellation", "buyer-requested-cancel"],
      "who cancelled: buyer, seller or amazon (or true/false: buyer requested)",
    ),
    f("latest_ship_date", false, ["latest-ship-date", "expected-ship-date", "ship-by-date"], "ship-by date; a date without a time means the end of that day"),
    f("shipped_at", false, ["ship-date", "shipment-date", "ship-confirmed-at", "confirm-date"], "when shipment was confirmed"),
    f("tracking_number", false, ["tracking-number", "tracking-id"], "carrier tracking number"),
    f("tracking_valid", false, ["valid-tracking"], "yes/no: the tracking number was valid (empty means no)"),
    f("tracking_exempt", false, ["vtr-exempt"], "yes/no: exempt from the valid tracking rate"),
    f("carrier", false, ["carrier-name"], "carrier name"),
    f(
      "promised_delivery_date",
      false,
      ["latest-delivery-date", "promise-date", "promised-delivery-date", "deliver-by-date"],
      "latest promised delivery date",
    ),
    f("delivered_at", false, ["delivery-date", "delivered-date"], "when the order was delivered"),
    f("refunded_at", false, ["refund-date"], "when the order was refunded"),
    f("refund_amount", false, ["refunded-amount"], "amount refunded (a number; currency symbols allowed)"),
    f("sales_channel", false, ["sales-channel", "marketplace"], "marketplace (not used by metrics)"),
    f("sku", false, ["seller-sku"], "seller SKU (not used by metrics)"),
    f("asin", false, [], "ASIN (not used by metrics)"),
    f("quantity", false, ["quantity-purchased"], "item quantity (not used by metrics)"),
  ],
  feedback: [
    f("order_id", true, ["Order ID"], "the order the feedback is about"),
    f("date", true, ["feedback-date", "Date"], "feedback date; an empty cell counts as undated"),
    f("rating", true, ["Rating"], "stars, 1..5; 1 and 2 are negative"),
    f("removed", false, ["struck-through"], "yes/no: removed (struck through) by Amazon"),
    f("comments", false, ["Comments"], "the buyer's comment"),
  ],
  claims: [
    f("order_id", true, [], "the order the A-to-z claim is about"),
    f("status", true, ["claim-status"], "granted, seller_refunded, denied, withdrawn, pending, open, ..."),
    f("filed_at", false, ["claim-date", "date"], "when the claim was filed"),
    f("amazon_funded", false, ["funded-by"], "yes/no: Amazon paid the claim (funded-by: amazon means yes)"),
  ],
  chargebacks: [
    f("order_id", true, [], "the order charged back"),
    f("filed_at", false, ["chargeback-date", "date"], "when the chargeback was filed"),
    f("type", false, ["reason-type"], "reason type; fraud chargebacks are not defects"),
    f("status", false, [], "won, reversed and withdrawn chargebacks are not defects"),
  ],
  messages: [
    f("received_at", true, ["received-date"], "when the buyer message arrived"),
    f("responded_at", false, ["response-date", "replied-at"], "when it was first answered"),
    f("no_response_needed", false, ["no-response-needed"], "yes/no: marked as needing no response"),
    f("order_id", false, [], "the order the message is about"),
    f("message_id", false, [], "message id"),
  ],
  returns: [
    f("order_id", true, ["Order ID"], "the order returned"),
    f("requested_at", true, ["Return request date"], "when the return was requested"),
    f("in_policy", false, ["In policy"], "Y/N: the return was within policy"),
    f("responded_at", false, ["first-response-at"], "first response to the request"),
    f(
      "action",
      false,
      ["Return request status", "Resolution"],
      "what was done: rejected, authorized, refunded, closed (Return request status wins over Resolution)",
    ),
    f("buyer_resolved", false, [], "yes/no: the buyer said the return was resolved (empty: no answer)"),
  ],
  violations: [
    f("policy", true, ["policy-name"], "the policy violated (repeat doubling counts per policy)"),
    f("severity", true, [], "low, medium, high or critical"),
    f("detected_at", true, ["date", "violation-date"], "when the violation was detected"),
    f(
      "category",
      false,
      [],
      "intellectual_property, restricted_products or other (unknown values are other)",
    ),
    f("resolved_at", false, [], "when the violation was resolved; empty means open"),
    f("violation_id", false, [], "violation id"),
    f("asin", false, [], "the ASIN concerned"),
  ],
};

/** The spec of one field, or undefined. */
export function fieldSpec(kind: InputKind, field: string): FieldSpec | undefined {
  return SCHEMAS[kind].find((s) => s.name === field);
}
