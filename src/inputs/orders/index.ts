/**
 * The orders input kind (kind.ts): item rows merged into one Order per order id (merge.ts),
 * read after every other kind because they refer to orders (ReadOptions.keepFromDay).
 */
import type { Order } from "../../records.js";
import { fieldSeed } from "../../read/row-hash.js";
import type { MergedKind } from "../kind.js";
import { OrderMerger, type MergeOptions } from "./merge.js";
import { orderRowReader, type OrderRow } from "./reader.js";
import { orderHashSkip, orderRowHashAt } from "./row-hash.js";
import { schema, signature } from "./schema.js";

export default {
  kind: "orders",
  schema,
  signature,
  merge(ctx) {
    const merger = new OrderMerger({
      ...(ctx.keepFromDay !== undefined ? { keepFromDay: ctx.keepFromDay } : {}),
      ...(ctx.countOnly !== undefined ? { countOnly: ctx.countOnly as MergeOptions["countOnly"] } : {}),
      referenced: ctx.referenced,
      ...(ctx.joins === true ? { joins: true } : {}),
    });
    return {
      file(map, rowCtx) {
        if (ctx.files === 1) merger.fileFields(new Set(map.fields));
        const seed = fieldSeed(map.fields);
        const skip = orderHashSkip(map.fields);
        const names = {
          purchase: map.headers[map.fields.indexOf("purchase_date")] ?? "purchase_date",
          channel: map.headers[map.fields.indexOf("fulfillment_channel")] ?? "fulfillment_channel",
        };
        const width = map.columns.length;
        const file = rowCtx.file;
        return {
          parse: orderRowReader(map, rowCtx, true),
          take(parsed, row) {
            const hash = orderRowHashAt(row, width, parsed, seed, skip);
            return merger.add(parsed, hash, file, row.line, names) !== "duplicate";
          },
        };
      },
      joinTarget: () => merger.joinTarget(),
      finish(skip) {
        const records = merger.finish(skip);
        const counted = merger.countedSummary;
        const n = counted !== null ? counted.orders : 0;
        const d = merger.firstDisagreement;
        const notes =
          d === null
            ? []
            : [
                `${merger.disagreeing.size} ${merger.disagreeing.size === 1 ? "order has rows" : "orders have rows"} that disagree on the purchase date or the fulfillment channel; the first row's value is used (first: ${d.orderId} at ${d.file}:${d.line})`,
              ];
        const excluded = merger.excludedIds;
        return {
          notes,
          records,
          duplicates: merger.duplicates,
          counted: n,
          outside: merger.outsideIds,
          extra: {
            outsideIds: merger.outsideIds,
            ...(n > 0 ? { countedOnly: counted } : {}),
            ...(excluded.size > 0 ? { excludedIds: excluded, excluded: excluded.size } : {}),
          },
        };
      },
    };
  },
} satisfies MergedKind<"orders", Order, OrderRow>;
