/**
 * The input kinds, one line each (kind.ts is the contract; each kind is its folder). The order
 * is INPUT_KINDS' (records.ts): kind detection tries the kinds in it and readInputs reads the
 * record kinds in it, then the merged ones. A new kind: its folder, its line here, and its
 * record type and fields in records.ts.
 */
import { INPUT_KINDS, type InputKind } from "../records.js";
import type { FieldSpec } from "./fields.js";
import type { AnyKind } from "./kind.js";
import chargebacks from "./chargebacks/index.js";
import claims from "./claims/index.js";
import feedback from "./feedback/index.js";
import messages from "./messages/index.js";
import orderReport from "./order-report/index.js";
import orders from "./orders/index.js";
import returns from "./returns/index.js";
import shipments from "./shipments/index.js";
import unshipped from "./unshipped/index.js";
import violations from "./violations/index.js";

export const KINDS: readonly AnyKind[] = [
  orders,
  feedback,
  claims,
  chargebacks,
  messages,
  returns,
  violations,
  orderReport,
  unshipped,
  shipments,
];

if (KINDS.map((k) => k.kind).join() !== INPUT_KINDS.join()) {
  throw new Error("inputs/registry.ts: KINDS must list every kind of INPUT_KINDS, in its order");
}

const BY_KIND = new Map<InputKind, AnyKind>(KINDS.map((k) => [k.kind, k]));

/** The contract of a kind. */
export function kindOf(kind: InputKind): AnyKind {
  return BY_KIND.get(kind)!;
}

/** Every kind's fields (`ahr schema`, header matching). */
export const SCHEMAS = Object.fromEntries(KINDS.map((k) => [k.kind, k.schema])) as Record<InputKind, readonly FieldSpec[]>;

/** The spec of one field, or undefined. */
export function fieldSpec(kind: InputKind, field: string): FieldSpec | undefined {
  return SCHEMAS[kind].find((s) => s.name === field);
}

export { INPUT_KINDS };
