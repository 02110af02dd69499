/**
 * The kind contract (inputs/kind.ts) as the registry holds it, and what readInputs does
 * generically with it: the keep options, the referenced ids, the drop of defect rows naming an
 * order kept out as too old (was check.ts dropOutsideDefects).
 */
import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInputsWith, type ReadOptions, type ReadRequest } from "../../src/inputs/index.js";
import { isJoined, isMerged, isRecordKind } from "../../src/inputs/kind.js";
import { KINDS, SCHEMAS, kindOf } from "../../src/inputs/registry.js";
import { INPUT_FIELDS, INPUT_KINDS } from "../../src/records.js";
import { parseDay, zone } from "../../src/time.js";
import { fakeFs } from "../helpers/table.js";

const opts = (o: Partial<ReadOptions> = {}): ReadOptions => ({ zone: zone("UTC"), dateOrder: "mdy", columns: {}, skipInvalid: false, ...o });
const req = (r: Partial<ReadRequest>): ReadRequest => ({ files: {}, auto: [], ...r });
const OCT = (d: number): number => parseDay(`2026-10-${String(d).padStart(2, "0")}`)!;

describe("the registry", () => {
  it("holds every kind once, in INPUT_KINDS order; kindOf finds each", () => {
    expect(KINDS.map((k) => k.kind)).toEqual([...INPUT_KINDS]);
    for (const kind of INPUT_KINDS) expect(kindOf(kind).kind).toBe(kind);
  });
  it("each schema has exactly the fields of INPUT_FIELDS, in its order, with its meanings", () => {
    for (const kind of INPUT_KINDS) {
      const fields = INPUT_FIELDS[kind] as Record<string, string>;
      expect(SCHEMAS[kind].map((f) => f.name)).toEqual(Object.keys(fields));
      for (const f of SCHEMAS[kind]) expect(f.description).toBe(fields[f.name]);
    }
  });
  it("orders is the one merged kind; the contract flags are today's (referenced ids, drop, keep, compact)", () => {
    expect(KINDS.filter(isMerged).map((k) => k.kind)).toEqual(["orders"]);
    const flags = KINDS.filter(isRecordKind).map((k) => {
      return {
        kind: k.kind,
        refers: k.orderId !== undefined,
        drop: k.dropOutside === true,
        day: k.keep?.day !== undefined,
        defect: k.keep?.defect !== undefined,
        compact: k.compact !== undefined,
      };
    });
    expect(flags).toEqual([
      { kind: "feedback", refers: true, drop: true, day: false, defect: true, compact: true },
      { kind: "claims", refers: true, drop: true, day: false, defect: false, compact: false },
      { kind: "chargebacks", refers: true, drop: true, day: false, defect: false, compact: false },
      { kind: "messages", refers: false, drop: false, day: true, defect: false, compact: true },
      { kind: "returns", refers: true, drop: false, day: true, defect: false, compact: false },
      { kind: "violations", refers: false, drop: false, day: false, defect: false, compact: false },
    ]);
  });
});

describe("read/ knows no kind; readInputs names none", () => {
  const src = fileURLToPath(new URL("../../src/", import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
  const kindLiteral = new RegExp(`["'\`](${INPUT_KINDS.join("|")})["'\`]`);
  it("no kind name as a string literal in src/read/**, inputs/index.ts, kind.ts, detect.ts, headers.ts, cells.ts", () => {
    const checked = [
      ...files(join(src, "read")),
      ...["index.ts", "kind.ts", "detect.ts", "headers.ts", "cells.ts", "values.ts", "columns.ts", "fields.ts"].map((f) => join(src, "inputs", f)),
    ];
    const offenders = checked.filter((f) => kindLiteral.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
  it("no import of inputs/ from read/, none of inputs/ or read/ from config/", () => {
    const up = (dir: string, re: RegExp): string[] => files(join(src, dir)).filter((f) => re.test(readFileSync(f, "utf8")));
    expect([...up("read", /from "\.\.\/inputs\//), ...up("config", /from "\.\.\/(inputs|read)\//)]).toEqual([]);
  });
});

const ORDERS = [
  "order_id\tpurchase_date\tfulfillment_channel",
  "OLD\t2026-09-01\tMFN", // before keepFromDay (Oct 2): not kept, its id referenced below
  "NEW\t2026-10-03\tMFN",
].join("\n");
const FEEDBACK = ["order_id,date,rating", "OLD,10/5/26,1", "NEW,10/5/26,2", "NEW,10/6/26,5"].join("\n");
const CLAIMS = ["order_id,claim-status", "OLD,granted", "NEW,granted"].join("\n");
const RETURNS = ["order_id,requested_at", "OLD,2026-10-01", "NEW,2026-10-04"].join("\n");
const MESSAGES = ["received_at", "2026-10-01T10:00:00Z", "2026-10-04T10:00:00Z"].join("\n");

describe("readInputs and the contract", () => {
  const files = { orders: ["o.tsv"], feedback: ["f.csv"], claims: ["c.csv"], returns: ["r.csv"], messages: ["m.csv"] };
  const fs = () => fakeFs({ "o.tsv": ORDERS, "f.csv": FEEDBACK, "c.csv": CLAIMS, "r.csv": RETURNS, "m.csv": MESSAGES });

  it("with keepFromDay: the ids the record kinds refer to are kept; their defect rows on an outside order are left out", async () => {
    const inputs = await readInputsWith(req({ files }), opts({ keepFromDay: OCT(2) }), fs().deps);
    expect(inputs.orders!.records.map((o) => o.orderId)).toEqual(["NEW"]);
    expect([...inputs.orders!.outsideIds]).toEqual(["OLD"]);
    // feedback: 3 read, OLD's row left out (dropOutside) -> 2 kept, recordCount 3.
    expect(inputs.feedback!.records.map((r) => r.orderId)).toEqual(["NEW", "NEW"]);
    expect(inputs.feedback!.recordCount).toBe(3);
    // claims: 2 read, 1 left out.
    expect(inputs.claims!.records.map((r) => r.orderId)).toEqual(["NEW"]);
    expect(inputs.claims!.recordCount).toBe(2);
    // returns refer to orders (OLD is referenced) but are not dropped: both kept, no recordCount.
    expect(inputs.returns!.records.map((r) => r.orderId)).toEqual(["OLD", "NEW"]);
    expect(inputs.returns!.recordCount).toBeUndefined();
    // the kinds come out in the order they always did: record kinds, then orders.
    expect(Object.keys(inputs)).toEqual(["feedback", "claims", "messages", "returns", "orders"]);
  });

  it("without keepFromDay nothing is referenced or left out", async () => {
    const inputs = await readInputsWith(req({ files }), opts(), fs().deps);
    expect(inputs.orders!.outsideIds.size).toBe(0);
    expect(inputs.feedback!.records.length).toBe(3);
    expect(inputs.feedback!.recordCount).toBeUndefined();
  });

  it("keep.fromDay is per kind (basis day from the contract); keep.defectsOnly uses the contract's defect rule", async () => {
    const inputs = await readInputsWith(
      req({ files }),
      opts({ keep: { defectsOnly: true, fromDay: { messages: OCT(2), returns: OCT(3) } } }),
      fs().deps,
    );
    // messages received Oct 1 and Oct 4: from Oct 2 on -> 1 kept of 2.
    expect(inputs.messages!.records.map((m) => m.receivedAt.day)).toEqual([OCT(4)]);
    expect(inputs.messages!.recordCount).toBe(2);
    // returns requested Oct 1 and Oct 4: from Oct 3 on -> NEW only.
    expect(inputs.returns!.records.map((r) => r.orderId)).toEqual(["NEW"]);
    expect(inputs.returns!.recordCount).toBe(2);
    // feedback rated 1, 2, 5: the 5 can never be a defect -> 2 kept of 3.
    expect(inputs.feedback!.records.map((r) => r.rating)).toEqual([1, 2]);
    expect(inputs.feedback!.recordCount).toBe(3);
    // claims have no keep rule: every record, no recordCount.
    expect(inputs.claims!.records.length).toBe(2);
    expect(inputs.claims!.recordCount).toBeUndefined();
  });

  it("a fromDay for a kind without a basis day keeps everything (no recordCount)", async () => {
    const inputs = await readInputsWith(req({ files }), opts({ keep: { fromDay: { claims: OCT(30) } } }), fs().deps);
    expect(inputs.claims!.records.length).toBe(2);
    expect(inputs.claims!.recordCount).toBeUndefined();
  });

  it("changes nothing the caller passed (request and options are read only)", async () => {
    const request = req({ files });
    const options = opts({ keepFromDay: OCT(2), keep: { defectsOnly: true, fromDay: { messages: OCT(2) } } });
    const before = JSON.stringify({ request, options });
    await readInputsWith(request, options, fs().deps);
    expect(JSON.stringify({ request, options })).toBe(before);
  });
});
