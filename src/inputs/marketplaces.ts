/**
 * The inputs of one marketplace (SPEC 9.3). Amazon judges each marketplace on its own: when the
 * orders hold two or more, the engine computes the report once per marketplace from the inputs
 * split here, and report/marketplaces.ts puts the parts together.
 *
 * - An order's marketplace is its sales channel (Order.marketplace); orders of no marketplace
 *   (MCF) were already left out by the reader (OrdersInput.excludedIds).
 * - Records of the kinds that name an order (the kind contract's orderId) go with their order's
 *   marketplace; a record whose order is not among the kept orders names no marketplace: it is
 *   `unattributed` and in no part (with one marketplace there is no split, and it is used).
 * - Messages go with the marketplace of the order they name, when they name a kept one; the
 *   others are unattributed.
 * - A violation applies to the marketplace its `marketplace` cell names (a name, code or id; one
 *   not shown applies to none shown), else (empty, no column, a value that names no marketplace)
 *   to every marketplace: an unknown value never lightens an AHR.
 * - The orders only counted for the AHR are counted per marketplace (countedOnly.byMarketplace);
 *   the ids of orders read but not kept (outsideIds) are shared: such an order is in no window.
 */
import { parseMarketplaceArg } from "../marketplaces.js";
import type { Input, Inputs, Message, Order, OrdersInput, Violation } from "../records.js";
import { isRecordKind } from "./kind.js";
import { KINDS } from "./registry.js";

/** The marketplaces of the kept and counted orders, most orders first (ties: by name). */
export function marketplacesOf(inputs: Inputs): string[] {
  const orders = inputs.orders;
  if (orders === undefined) return [];
  const count = new Map<string, number>();
  for (const o of orders.records) {
    const m = o.marketplace;
    if (m !== null && m !== undefined) count.set(m, (count.get(m) ?? 0) + 1);
  }
  for (const [m, c] of orders.countedOnly?.byMarketplace ?? []) count.set(m, (count.get(m) ?? 0) + c.orders);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([m]) => m);
}

/** What split() gives: the inputs per marketplace, and how many records are in none. */
export interface Split {
  parts: Map<string, Inputs>;
  /**
   * Per input kind: records in no part because they name no order (a message without an order
   * id) or an order that names no marketplace (an empty sales channel); orders of no marketplace.
   */
  unattributed: Map<string, number>;
  /** Per input kind: records in no part because the order they name is not in the orders input. */
  notInOrders: Map<string, number>;
}

/** The inputs of each of `marketplaces` (see the module comment). */
export function split(inputs: Inputs, marketplaces: readonly string[]): Split {
  const parts = new Map<string, Inputs>();
  const unattributed = new Map<string, number>();
  const notInOrders = new Map<string, number>();
  const orders = inputs.orders;
  const marketOf = new Map<string, string>();
  /** Kept orders that name no marketplace. */
  const noMarketIds = new Set<string>();
  const ordersBy = new Map<string, Order[]>(marketplaces.map((m) => [m, []]));
  let noMarket = 0;
  for (const o of orders?.records ?? []) {
    const m = o.marketplace;
    if (m === null || m === undefined) {
      noMarket++;
      noMarketIds.add(o.orderId);
      continue;
    }
    marketOf.set(o.orderId, m);
    // an order of a marketplace not shown (--marketplace) is in no part
    ordersBy.get(m)?.push(o);
  }
  if (orders !== undefined && noMarket > 0) unattributed.set(orders.kind, noMarket);

  const byMarket = <R>(input: Input<R>, orderId: (r: R) => string | null): Map<string, R[]> => {
    const out = new Map<string, R[]>(marketplaces.map((m) => [m, []]));
    let none = 0;
    let unknown = 0;
    for (const r of input.records) {
      const id = orderId(r);
      const m = id === null ? undefined : marketOf.get(id);
      const list = m === undefined ? undefined : out.get(m);
      if (list !== undefined) list.push(r);
      else if (id === null || id === "" || noMarketIds.has(id)) none++;
      // an order of a marketplace not shown (--marketplace) is not unattributed
      else if (m === undefined) unknown++;
    }
    if (none > 0) unattributed.set(input.kind, none);
    if (unknown > 0) notInOrders.set(input.kind, unknown);
    return out;
  };

  const splitInputs = new Map<string, Map<string, unknown[]>>();
  for (const kind of KINDS) {
    if (!isRecordKind(kind)) continue;
    const input = (inputs as Record<string, Input<unknown> | undefined>)[kind.kind];
    if (input === undefined) continue;
    if (kind.orderId !== undefined) splitInputs.set(kind.kind, byMarket(input, kind.orderId));
  }
  const messages = inputs.messages;
  const violations = inputs.violations;
  const messagesBy = messages !== undefined ? byMarket<Message>(messages, (r) => r.orderId) : undefined;

  for (const m of marketplaces) {
    const part: Record<string, unknown> = { ...inputs };
    if (orders !== undefined) {
      const counted = orders.countedOnly?.byMarketplace?.get(m);
      const { countedOnly: _all, ...rest } = orders;
      const o: OrdersInput = { ...rest, records: ordersBy.get(m)! };
      if (counted !== undefined) o.countedOnly = { orders: counted.orders, nonPendingByDay: counted.nonPendingByDay };
      part.orders = o;
    }
    for (const [kind, by] of splitInputs) {
      const input = (inputs as Record<string, Input<unknown>>)[kind]!;
      part[kind] = { ...input, records: by.get(m)! };
    }
    if (messages !== undefined && messagesBy !== undefined) part.messages = { ...messages, records: messagesBy.get(m)! };
    if (violations !== undefined) part.violations = { ...violations, records: violations.records.filter((v) => appliesTo(v, m)) };
    parts.set(m, part as Inputs);
  }
  return { parts, unattributed, notInOrders };
}

/** Whether violation `v` applies to marketplace `m` (see the module comment). */
function appliesTo(v: Violation, m: string): boolean {
  const cell = v.marketplace;
  if (cell === null || cell === undefined) return true;
  const named = parseMarketplaceArg(cell)?.name ?? (cell.trim().toLowerCase() === m.toLowerCase() ? m : undefined);
  return named === undefined || named === m;
}
