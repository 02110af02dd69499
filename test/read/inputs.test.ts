import { describe, it, expect } from "vitest";
import { Readable } from "node:stream";
import { isAhrError, type AhrError } from "../../src/errors.js";
import { fileURLToPath } from "node:url";
import { readInputs, readInputsWith, type ReadOptions, type ReadRequest } from "../../src/read/index.js";
import { parseDay, zone } from "../../src/time.js";
import { fakeFs } from "../helpers/table.js";

const opts = (o: Partial<ReadOptions> = {}): ReadOptions => ({
  zone: zone("UTC"),
  dateOrder: "mdy",
  columns: {},
  skipInvalid: false,
  ...o,
});
const req = (r: Partial<ReadRequest>): ReadRequest => ({ files: {}, auto: [], ...r });

async function failure(p: Promise<unknown>): Promise<AhrError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (isAhrError(e)) return e;
  throw new Error(`expected an AhrError, got ${String(e)}`);
}

const ORDERS = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n113-1\t2026-10-02T14:21:07+00:00\tShipped\tMerchant";
const FEEDBACK = "Date\tRating\tComments\tOrder ID\n10/9/26\t1\tbad\t113-1";
const CLAIMS = "order_id,claim-status,claim-date\n113-1,Granted,2026-10-05";
const MESSAGES = "message_id,order_id,received_at,responded_at\nM1,113-1,2026-10-02T10:00:00Z,";
const VIOLATIONS = "policy,severity,detected_at\nP,low,2026-09-01";

describe("directories", () => {
  it("sorts each regular file into its kind by header, skipping hidden files and READMEs", async () => {
    const fs = fakeFs({
      "exp/b-orders.txt": ORDERS,
      "exp/a-feedback.txt": FEEDBACK,
      "exp/claims.csv": CLAIMS,
      "exp/m.csv": MESSAGES,
      "exp/v.csv": VIOLATIONS,
      "exp/.hidden.csv": "garbage",
      "exp/README.md": "# notes",
    });
    const inputs = await readInputsWith(req({ auto: ["exp"] }), opts(), fs.deps);
    expect(Object.keys(inputs).sort()).toEqual(["claims", "feedback", "messages", "orders", "violations"]);
    expect(inputs.orders!.files).toEqual(["exp/b-orders.txt"]);
    expect(inputs.feedback!.records[0]).toMatchObject({ orderId: "113-1", rating: 1 });
    expect(inputs.claims!.records[0]).toMatchObject({ status: "granted" });
    // opened in name order; hidden and README never opened
    expect(fs.opened).toEqual(["exp/a-feedback.txt", "exp/b-orders.txt", "exp/claims.csv", "exp/m.csv", "exp/v.csv"]);
  });
  it("an unrecognised file is DIR_UNRECOGNISED naming it", async () => {
    const fs = fakeFs({ "exp/orders.txt": ORDERS, "exp/prices.csv": "sku,price\nA,1" });
    const e = await failure(readInputsWith(req({ auto: ["exp"] }), opts(), fs.deps));
    expect(e.code).toBe("DIR_UNRECOGNISED");
    expect(e.message).toContain("exp/prices.csv");
  });
  it("an ambiguous file is DIR_AMBIGUOUS naming it and the kinds", async () => {
    const fs = fakeFs({ "exp/x.csv": "order_id,status,type,amazon_funded\nA,granted,fraud,no" });
    const e = await failure(readInputsWith(req({ auto: ["exp"] }), opts(), fs.deps));
    expect(e.code).toBe("DIR_AMBIGUOUS");
    expect(e.message).toContain("exp/x.csv");
  });
  it("a directory with nothing recognised is DIR_EMPTY; an empty file in it is skipped with a note", async () => {
    const fs = fakeFs({ "exp/empty.csv": "", "exp/README.txt": "hello" });
    const e = await failure(readInputsWith(req({ auto: ["exp"] }), opts(), fs.deps));
    expect(e.code).toBe("DIR_EMPTY");
    expect(e.message).toContain("exp: no recognised export");
    const ok = await readInputsWith(req({ auto: ["exp2"] }), opts(), fakeFs({ "exp2/empty.csv": "", "exp2/o.txt": ORDERS }).deps);
    expect(ok.notes).toEqual(["exp2/empty.csv: empty file, skipped"]);
    expect(ok.orders!.records.length).toBe(1);
  });
  it("an auto path that is a file is detected too", async () => {
    const inputs = await readInputsWith(req({ auto: ["fb.txt"] }), opts(), fakeFs({ "fb.txt": FEEDBACK }).deps);
    expect(inputs.feedback!.rows).toBe(1);
  });
});

describe("files per kind, stdin, empty files", () => {
  it("several files per kind are concatenated; columns is the union", async () => {
    const fs = fakeFs({
      "m1.csv": "received_at\n2026-10-02",
      "m2.csv": "received_at,responded_at,no_response_needed\n2026-10-03,2026-10-03,\n2026-10-04,,y",
    });
    const inputs = await readInputsWith(req({ files: { messages: ["m1.csv", "m2.csv"] } }), opts(), fs.deps);
    const m = inputs.messages!;
    expect(m.files).toEqual(["m1.csv", "m2.csv"]);
    expect(m.rows).toBe(3);
    expect([...m.columns].sort()).toEqual(["no_response_needed", "received_at", "responded_at"]);
    expect(m.records.map((r) => [r.source.file, r.source.line, r.noResponseNeeded])).toEqual([
      ["m1.csv", 2, false],
      ["m2.csv", 2, false],
      ["m2.csv", 3, true],
    ]);
  });
  it("empty and header-only files give the kind with 0 rows", async () => {
    const fs = fakeFs({ "o.txt": "", "fb.txt": "Date\tRating\tOrder ID\n" });
    const inputs = await readInputsWith(req({ files: { orders: ["o.txt"], feedback: ["fb.txt"] } }), opts(), fs.deps);
    expect(inputs.orders).toMatchObject({ rows: 0, records: [], files: ["o.txt"] });
    expect(inputs.orders!.columns.size).toBe(0);
    expect(inputs.feedback).toMatchObject({ rows: 0, records: [] });
    expect([...inputs.feedback!.columns].sort()).toEqual(["date", "order_id", "rating"]);
  });
  it("a header-only file still needs its required columns", async () => {
    const e = await failure(readInputsWith(req({ files: { orders: ["o.txt"] } }), opts(), fakeFs({ "o.txt": "sku\tprice\n" }).deps));
    expect(e.code).toBe("MISSING_COLUMN");
  });
  it("standard input with its kind", async () => {
    const fs = fakeFs({});
    const inputs = await readInputsWith(
      req({ stdin: { kind: "violations", stream: Readable.from([VIOLATIONS]) } }),
      opts(),
      fs.deps,
    );
    expect(inputs.violations!.files).toEqual(["-"]);
    expect(inputs.violations!.records[0]).toMatchObject({ policy: "P", source: { file: "-", line: 2 } });
  });
  it("a missing file is the byte layer's coded error", async () => {
    const e = await failure(readInputsWith(req({ files: { orders: ["nope.txt"] } }), opts(), fakeFs({}).deps));
    expect(e.code).toBe("FILE_NOT_FOUND");
  });
  it("configured column mappings are used", async () => {
    const fs = fakeFs({ "o.csv": "Id,When,How,Sent\nA,2026-10-02,MFN,2026-10-03" });
    const inputs = await readInputsWith(
      req({ files: { orders: ["o.csv"] } }),
      opts({ columns: { orders: { order_id: "Id", purchase_date: "When", fulfillment_channel: "How", shipped_at: "Sent" } } }),
      fs.deps,
    );
    expect(inputs.orders!.records[0]).toMatchObject({ orderId: "A", shippedAt: { day: 20729 } }); // Oct 3 = 20727 + 2
  });
});

describe("--skip-invalid, notes, progress", () => {
  const bad = ["Date\tRating\tOrder ID", ...Array.from({ length: 8 }, (_, i) => `10/${i + 1}/26\t${i < 7 ? 9 : 1}\tO${i}`)].join("\n");
  it("without it the first bad value stops the run", async () => {
    const e = await failure(readInputsWith(req({ files: { feedback: ["fb.txt"] } }), opts(), fakeFs({ "fb.txt": bad }).deps));
    expect(e.params).toMatchObject({ line: 2, value: "9" });
  });
  it("with it bad rows are counted and the first 5 kept as samples", async () => {
    const inputs = await readInputsWith(
      req({ files: { feedback: ["fb.txt"] } }),
      opts({ skipInvalid: true }),
      fakeFs({ "fb.txt": bad }).deps,
    );
    const fb = inputs.feedback!;
    // 8 data rows: the first 7 have rating 9 (skipped), the last is kept
    expect(fb.skipped).toBe(7);
    expect(fb.rows).toBe(1);
    expect(fb.skippedSamples.map((s) => s.line)).toEqual([2, 3, 4, 5, 6]);
    expect(fb.skippedSamples[0]).toEqual({
      file: "fb.txt",
      line: 2,
      message: 'fb.txt:2: column "Rating": "9" is not a rating: a whole number from 1 to 5',
    });
  });
  it("skip-invalid does not hide structural errors", async () => {
    const e = await failure(
      readInputsWith(req({ files: { feedback: ["fb.txt"] } }), opts({ skipInvalid: true }), fakeFs({ "fb.txt": "x\n1" }).deps),
    );
    expect(e.code).toBe("MISSING_COLUMN");
  });
  it("table notes go to the input, progress is reported per batch", async () => {
    const calls: [string, number, number | null][] = [];
    const fs = fakeFs({ "o.txt": `${ORDERS}\n113-2\t2026-10-02\tShipped\tAFN\n113-3\t2026-10-02\tShipped\tAFN` }, { notes: ["read as Windows-1252"] });
    const inputs = await readInputsWith(
      req({ files: { orders: ["o.txt"] } }),
      opts({ onProgress: (f, b, s) => calls.push([f, b, s]) }),
      fs.deps,
    );
    expect(inputs.orders!.notes).toEqual(["o.txt: read as Windows-1252"]);
    // 3 data rows in batches of 2: two batches
    expect(calls.length).toBe(2);
    expect(calls.every((c) => c[0] === "o.txt")).toBe(true);
    expect(calls[1]![1]).toBe(calls[1]![2]);
  });
});

describe("Amazon's own layouts, read from disk (fixtures/records/amazon-samples)", () => {
  const dir = fileURLToPath(new URL("../../fixtures/records/amazon-samples", import.meta.url));
  it("detects each file's kind and reads its records", async () => {
    const inputs = await readInputs(req({ auto: [dir] }), opts());
    expect(Object.keys(inputs).sort()).toEqual(["feedback", "orders", "returns"]);

    const o = inputs.orders!;
    // 5 item rows, 4 orders (113-4820185-1029384 has two items)
    expect([o.rows, o.records.length, o.duplicates, o.skipped]).toEqual([5, 4, 0, 0]);
    const byId = new Map(o.records.map((r) => [r.orderId, r]));
    // 2026-10-02 is day 20728; 14:21:07 adds 51 667 000 ms to 20728 * 86 400 000
    expect(byId.get("113-4820185-1029384")).toMatchObject({
      channel: "mfn",
      purchase: { ms: 1_790_950_867_000, day: 20728 },
      status: "shipped",
      rows: 2,
      cancelled: false,
      pending: false,
      source: { line: 2 },
    });
    expect(byId.get("114-0093716-5561120")).toMatchObject({ cancelled: true, purchase: { day: 20729 } });
    expect(byId.get("111-7719204-8812203")).toMatchObject({ channel: "afn", status: "shipped" });
    expect(byId.get("112-6630019-2230451")).toMatchObject({ pending: true, cancelled: false });
    expect(o.columns.has("latest_ship_date")).toBe(false);

    const f = inputs.feedback!;
    // 10/9/26 = Oct 2 + 7 = 20735; 10/12/26 = 20738; 10/14/26 = 20740
    expect(f.records.map((r) => [r.date!.day, r.rating, r.orderId])).toEqual([
      [20735, 1, "113-4820185-1029384"],
      [20738, 3, "111-7719204-8812203"],
      [20740, 2, "113-4820185-1029384"],
    ]);
    expect(f.records[2]!.comments).toBe('Says "pre-seasoned", it is not');

    const r = inputs.returns!;
    // 10-Oct-2026 = 20736; Return request status "Approved" feeds action
    expect(r.records).toEqual([
      {
        orderId: "113-4820185-1029384",
        requestedAt: { ms: 20736 * 86_400_000, day: 20736 },
        inPolicy: true,
        respondedAt: null,
        action: "authorized",
        buyerResolved: null,
        source: { file: `${dir}/mfn-returns.txt`, line: 2 },
      },
    ]);
  });
});

describe("keep: only the records a report can use", () => {
  it("drops feedback that is never a defect, and messages and returns before their days, counting them all", async () => {
    const fs = fakeFs({
      // rows 2..6: 1-star (kept), 3-star, 5-star, removed 2-star (never defects), then row 3 again
      "fb.txt": "Date\tRating\tOrder ID\tRemoved\n10/9/26\t1\tA\tno\n10/9/26\t3\tB\tno\n10/9/26\t5\tC\tno\n10/9/26\t2\tD\tyes\n10/9/26\t3\tB\tno",
      // received Oct 1, Oct 2, Oct 3: from Oct 2 on are kept
      "m.csv": "message_id,received_at\nM1,2026-10-01\nM2,2026-10-02\nM3,2026-10-03",
      "r.csv": "order_id,requested_at\nA,2026-10-01\nB,2026-10-05",
    });
    const oct = (d: number): number => parseDay(`2026-10-0${d}`)!;
    const inputs = await readInputsWith(
      req({ files: { feedback: ["fb.txt"], messages: ["m.csv"], returns: ["r.csv"] } }),
      opts({ keep: { defectsOnly: true, fromDay: { messages: oct(2), returns: oct(5) } } }),
      fs.deps,
    );
    const fb = inputs.feedback!;
    // 5 rows, the last repeats row 3 (a dropped one): still a duplicate; 4 records read, 1 kept
    expect([fb.rows, fb.duplicates, fb.recordCount, fb.records.map((r) => r.orderId)]).toEqual([4, 1, 4, ["A"]]);
    const m = inputs.messages!;
    expect([m.rows, m.recordCount, m.records.map((r) => r.messageId)]).toEqual([3, 3, ["M2", "M3"]]);
    const r = inputs.returns!;
    expect([r.rows, r.recordCount, r.records.map((x) => x.orderId)]).toEqual([2, 2, ["B"]]);
  });
  it("a repeat of a kept message is a duplicate (compared with its compact form); of a dropped one too", async () => {
    const fs = fakeFs({
      "m.csv":
        "message_id,order_id,received_at,responded_at\nM1,A,2026-10-01T10:00:00Z,\nM2,B,2026-10-03T10:00:00Z,2026-10-03T11:00:00Z\n" +
        "M1,A,2026-10-01T10:00:00Z,\nM2,B,2026-10-03T10:00:00Z,2026-10-03T11:00:00Z\nM2,B,2026-10-03T10:00:00Z,2026-10-03T12:00:00Z",
    });
    const inputs = await readInputsWith(
      req({ files: { messages: ["m.csv"] } }),
      opts({ keep: { fromDay: { messages: parseDay("2026-10-02")! } } }),
      fs.deps,
    );
    const m = inputs.messages!;
    // rows 4 and 5 repeat rows 2 (dropped) and 3 (kept); row 6 differs in respondedAt
    expect([m.rows, m.duplicates, m.recordCount]).toEqual([3, 2, 3]);
    expect(m.records.map((r) => [r.messageId, r.respondedAt!.ms, r.source.line])).toEqual([
      ["M2", Date.parse("2026-10-03T11:00:00Z"), 3],
      ["M2", Date.parse("2026-10-03T12:00:00Z"), 6],
    ]);
  });
  it("a repeat of kept feedback is a duplicate (compared with its compact form), dated or not", async () => {
    const fs = fakeFs({
      "fb.txt":
        "Date\tRating\tComments\tOrder ID\n10/9/26\t1\tbroken\tA\n\t2\t\tB\n10/9/26\t1\tbroken\tA\n\t2\t\tB\n" +
        "10/9/26\t1\tbroken!\tA\n10/10/26\t2\t注文 ü\tC",
    });
    const inputs = await readInputsWith(
      req({ files: { feedback: ["fb.txt"] } }),
      opts({ keep: { defectsOnly: true } }),
      fs.deps,
    );
    const fb = inputs.feedback!;
    // rows 4 and 5 repeat rows 2 and 3; row 6 differs in its comments
    expect([fb.rows, fb.duplicates, fb.recordCount]).toEqual([4, 2, 4]);
    expect(fb.records.map((r) => [r.orderId, r.date?.day ?? null, r.rating, r.removed, r.comments, r.source.line])).toEqual([
      ["A", parseDay("2026-10-09"), 1, false, "broken", 2],
      ["B", null, 2, false, null, 3],
      ["A", parseDay("2026-10-09"), 1, false, "broken!", 6],
      ["C", parseDay("2026-10-10"), 2, false, "注文 ü", 7],
    ]);
  });
  it("without keep every record is kept and recordCount is absent", async () => {
    const fs = fakeFs({ "fb.txt": "Date\tRating\tOrder ID\n10/9/26\t5\tB" });
    const inputs = await readInputsWith(req({ files: { feedback: ["fb.txt"] } }), opts(), fs.deps);
    expect(inputs.feedback!.records.length).toBe(1);
    expect(inputs.feedback!.recordCount).toBeUndefined();
  });
});
