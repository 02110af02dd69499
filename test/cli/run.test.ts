import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import type { Report } from "../../src/report/types.js";
import { AS_OF, AT_RISK, BREACHED, BROKEN, FIXTURES, HEALTHY, fakeIo, tempDir } from "./helpers.js";

// Expected exit codes per scenario and --fail-on; the arithmetic is in fixtures/cli/*/README.md.
// healthy: every error-level row good. at-risk: lsr 30-day 1/29 = 3.45% (>= 3.2%, < 4%).
// breached: lsr 10-day 2/10 = 20%, 30-day 2/19 = 10.5% (>= 4%). broken: "yesterday" as a date.
const EXPECTED: [string, string, Record<"breach" | "at_risk" | "never", number>][] = [
  ["healthy", HEALTHY, { breach: 0, at_risk: 0, never: 0 }],
  ["at-risk", AT_RISK, { breach: 0, at_risk: 1, never: 0 }],
  ["breached", BREACHED, { breach: 1, at_risk: 1, never: 0 }],
  ["broken", BROKEN, { breach: 2, at_risk: 2, never: 2 }],
];

const ESC = "\x1b";

describe("ahr check: exit codes per scenario and --fail-on", () => {
  for (const [name, file, codes] of EXPECTED) {
    for (const failOn of ["breach", "at_risk", "never"] as const) {
      it(`${name} --fail-on ${failOn}: ${codes[failOn]}`, async () => {
        const f = fakeIo();
        const code = await run(["check", file, "--as-of", AS_OF, "--fail-on", failOn, "--format", "json"], f.io);
        expect(code).toBe(codes[failOn]);
        if (codes[failOn] === 2) {
          expect(f.out()).toBe("");
          expect(f.err()).toMatch(/^ahr: .*orders\.csv:3: column "purchase-date": "yesterday" is not a date/);
          expect(f.err().split("\n")).toHaveLength(2); // one line and its newline
        } else {
          const report = JSON.parse(f.out()) as Report;
          expect(report.summary.exitCode).toBe(codes[failOn]);
        }
      });
    }
  }
});

describe("ahr check: the report's figures (hand-computed in fixtures/cli/*/README.md)", () => {
  it("breached: lsr 10-day 2/10 and 30-day 2/19, pfcr 0/7, vtr 20/20, AHR 200", async () => {
    const f = fakeIo();
    await run(["check", BREACHED, "--as-of", AS_OF, "--format", "json"], f.io);
    const r = JSON.parse(f.out()) as Report;
    expect(r.asOf).toBe("2026-03-31");
    const row = (id: string, days: number) => r.metrics.find((m) => m.id === id && m.windowDays === days);
    expect(row("lsr", 10)).toMatchObject({ numerator: 2, denominator: 10, rate: 0.2, status: "breach", window: { from: "2026-03-22", to: "2026-03-31" } });
    expect(row("lsr", 30)).toMatchObject({ numerator: 2, denominator: 19, status: "breach", window: { from: "2026-03-02", to: "2026-03-31" } });
    expect(row("pfcr", 7)).toMatchObject({ numerator: 0, denominator: 7, status: "good" });
    expect(row("vtr", 30)).toMatchObject({ numerator: 20, denominator: 20, status: "good" });
    expect(r.accountHealth).toMatchObject({ score: 200, band: "healthy", orders180d: 20 });
  });

  it("at-risk: lsr 30-day 1/29 at_risk with headroom 0", async () => {
    const f = fakeIo();
    await run(["check", AT_RISK, "--as-of", AS_OF, "--format", "json"], f.io);
    const r = JSON.parse(f.out()) as Report;
    // 29 x 0.04 = 1.16: 1 + k < 1.16 only for k = 0.
    expect(r.metrics.find((m) => m.id === "lsr" && m.windowDays === 30)).toMatchObject({
      numerator: 1,
      denominator: 29,
      status: "at_risk",
      headroom: 0,
    });
  });

  it("the default as-of is yesterday in the report zone, from the injected clock", async () => {
    // now = 2026-04-01 12:00 UTC: yesterday in UTC is 03-31; in Pacific/Kiritimati (UTC+14) it is
    // already 04-02 02:00, so yesterday is 04-01; in Pacific/Pago_Pago (UTC-11) it is 04-01 01:00: 03-31.
    for (const [tz, expected] of [["UTC", "2026-03-31"], ["Pacific/Kiritimati", "2026-04-01"], ["Pacific/Pago_Pago", "2026-03-31"]]) {
      const f = fakeIo({ now: new Date("2026-04-01T12:00:00Z") });
      await run(["check", HEALTHY, "--tz", tz!, "--format", "json"], f.io);
      const r = JSON.parse(f.out()) as Report;
      expect([r.asOf, r.timeZone]).toEqual([expected, tz]);
    }
  });
});

describe("ahr check: stdout and stderr", () => {
  it("JSON mode: stdout is exactly one JSON document, stderr is empty", async () => {
    const f = fakeIo({ isTTY: true, env: { FORCE_COLOR: "1" } });
    await run(["check", BREACHED, "--as-of", AS_OF, "--format", "json"], f.io);
    const out = f.out();
    expect(() => JSON.parse(out)).not.toThrow();
    expect(out.endsWith("}\n")).toBe(true);
    expect(out).not.toContain(ESC);
    expect(f.err()).toBe("");
  });

  it("--quiet: nothing on stdout when the run passes; the report when it fails", async () => {
    const ok = fakeIo();
    expect(await run(["check", HEALTHY, "--as-of", AS_OF, "--quiet"], ok.io)).toBe(0);
    expect(ok.out()).toBe("");
    expect(ok.err()).toBe("");
    const bad = fakeIo();
    expect(await run(["check", BREACHED, "--as-of", AS_OF, "--quiet"], bad.io)).toBe(1);
    expect(bad.out()).toContain("LSR 10d");
    const broken = fakeIo();
    expect(await run(["check", BROKEN, "--as-of", AS_OF, "--quiet"], broken.io)).toBe(2);
    expect(broken.err()).toMatch(/^ahr: /);
  });

  it("--quiet still writes --output", async () => {
    const d = await tempDir();
    const f = fakeIo();
    expect(await run(["check", HEALTHY, "--as-of", AS_OF, "--quiet", "--format", "json", "--output", join(d, "r.json")], f.io)).toBe(0);
    expect(f.out()).toBe("");
    expect((JSON.parse(await readFile(join(d, "r.json"), "utf8")) as Report).asOf).toBe(AS_OF);
  });
});

describe("ahr check: colour, decided once", () => {
  const table = async (env: Record<string, string>, isTTY: boolean, flags: string[] = []): Promise<string> => {
    const f = fakeIo({ env, isTTY, columns: 100 });
    await run(["check", BREACHED, "--as-of", AS_OF, ...flags], f.io);
    return f.out();
  };
  it("a terminal: colour; a pipe: none; NO_COLOR, TERM=dumb, --no-color: none", async () => {
    expect(await table({}, true)).toContain(ESC);
    expect(await table({}, false)).not.toContain(ESC);
    expect(await table({ NO_COLOR: "1" }, true)).not.toContain(ESC);
    expect(await table({ TERM: "dumb" }, true)).not.toContain(ESC);
    expect(await table({}, true, ["--no-color"])).not.toContain(ESC);
  });
  it("FORCE_COLOR and --color colour a pipe; --no-color beats FORCE_COLOR", async () => {
    expect(await table({ FORCE_COLOR: "1" }, false)).toContain(ESC);
    expect(await table({}, false, ["--color"])).toContain(ESC);
    expect(await table({ NO_COLOR: "1" }, false, ["--color"])).toContain(ESC);
    expect(await table({ FORCE_COLOR: "1" }, true, ["--no-color"])).not.toContain(ESC);
  });
});

describe("ahr check --output", () => {
  it("refuses to overwrite an input file (exit 2, file untouched)", async () => {
    const before = await readFile(HEALTHY, "utf8");
    const f = fakeIo();
    expect(await run(["check", HEALTHY, "--as-of", AS_OF, "--output", HEALTHY], f.io)).toBe(2);
    expect(f.err()).toBe(`ahr: --output ${HEALTHY} is one of the input files; refusing to overwrite it\n`);
    expect(await readFile(HEALTHY, "utf8")).toBe(before);
  });

  it("refuses a relative spelling of an --orders file, and a file inside an input directory", async () => {
    const f = fakeIo({ cwd: join(FIXTURES, "healthy") });
    expect(await run(["check", "--orders", HEALTHY, "--as-of", AS_OF, "--output", "./orders.txt"], f.io)).toBe(2);
    expect(f.err()).toMatch(/OUTPUT_IS_INPUT|is one of the input files/);
    const g = fakeIo();
    expect(await run(["check", join(FIXTURES, "healthy"), "--as-of", AS_OF, "--output", join(FIXTURES, "healthy", "report.txt")], g.io)).toBe(2);
  });

  it("a file is not a terminal: no colour in it even when stdout is a TTY", async () => {
    const d = await tempDir();
    const f = fakeIo({ isTTY: true, columns: 120 });
    expect(await run(["check", BREACHED, "--as-of", AS_OF, "--output", join(d, "r.txt")], f.io)).toBe(1);
    const text = await readFile(join(d, "r.txt"), "utf8");
    expect(text).toContain("LSR 10d");
    expect(text).not.toContain(ESC);
  });

  it("writes the report there and nothing on stdout", async () => {
    const d = await tempDir();
    const f = fakeIo();
    expect(await run(["check", BREACHED, "--as-of", AS_OF, "--format", "markdown", "--output", join(d, "r.md")], f.io)).toBe(1);
    expect(f.out()).toBe("");
    expect(await readFile(join(d, "r.md"), "utf8")).toContain("LSR 10d");
  });
});

describe("ahr check: GitHub step summary", () => {
  it("appends the Markdown report to $GITHUB_STEP_SUMMARY, whatever --format is", async () => {
    const d = await tempDir();
    const summary = join(d, "summary.md");
    await writeFile(summary, "## earlier step\n");
    const f = fakeIo({ env: { GITHUB_STEP_SUMMARY: summary } });
    expect(await run(["check", BREACHED, "--as-of", AS_OF, "--format", "json"], f.io)).toBe(1);
    const text = await readFile(summary, "utf8");
    expect(text.startsWith("## earlier step\n")).toBe(true);
    expect(text.length).toBeGreaterThan("## earlier step\n".length + 100);
    expect(text).toContain("|"); // a Markdown table
    expect(text).not.toContain(ESC);
    expect(() => JSON.parse(f.out())).not.toThrow(); // stdout is still the JSON
  });

  it("not with --no-step-summary", async () => {
    const d = await tempDir();
    const summary = join(d, "summary.md");
    const f = fakeIo({ env: { GITHUB_STEP_SUMMARY: summary } });
    expect(await run(["check", BREACHED, "--as-of", AS_OF, "--no-step-summary"], f.io)).toBe(1);
    await expect(readFile(summary, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("an unwritable step summary is a warning, not a failed run", async () => {
    const d = await tempDir();
    const f = fakeIo({ env: { GITHUB_STEP_SUMMARY: join(d, "no-such-dir", "summary.md") } });
    expect(await run(["check", HEALTHY, "--as-of", AS_OF, "--quiet"], f.io)).toBe(0);
    expect(f.err()).toMatch(/^ahr: warning: cannot append to GITHUB_STEP_SUMMARY \(.*\): ENOENT\n$/);
  });
});

describe("ahr check: configuration", () => {
  it("an unknown config key is exit 2 with one line naming the key path", async () => {
    const d = await tempDir();
    await writeFile(join(d, "ahr.config.json"), JSON.stringify({ metrics: { lsr: { targt: 0.5 } } }));
    const f = fakeIo({ cwd: d });
    expect(await run(["check", BREACHED, "--as-of", AS_OF], f.io)).toBe(2);
    expect(f.err()).toMatch(/^ahr: ahr\.config\.json: metrics\.lsr\.targt: unknown key/);
    expect(f.err().split("\n")).toHaveLength(2);
    expect(f.out()).toBe("");
  });

  it("a config file changes the result; --config FILE is used instead of discovery", async () => {
    const d = await tempDir();
    // lsr target 0.5 (warnAt 0.4): 2/10 = 0.2 and 2/19 = 0.105 are both good, so breached passes.
    await writeFile(join(d, "lenient.json"), JSON.stringify({ metrics: { lsr: { target: 0.5 } } }));
    const f = fakeIo({ cwd: d });
    expect(await run(["check", BREACHED, "--as-of", AS_OF, "--config", "lenient.json"], f.io)).toBe(0);
    const g = fakeIo({ cwd: d });
    expect(await run(["check", BREACHED, "--as-of", AS_OF], g.io)).toBe(1);
  });

  it("--tz beats the file's timeZone", async () => {
    const d = await tempDir();
    await writeFile(join(d, "ahr.config.json"), JSON.stringify({ timeZone: "Europe/Berlin" }));
    const f = fakeIo({ cwd: d });
    await run(["check", HEALTHY, "--as-of", AS_OF, "--format", "json"], f.io);
    expect((JSON.parse(f.out()) as Report).timeZone).toBe("Europe/Berlin");
    const g = fakeIo({ cwd: d });
    await run(["check", HEALTHY, "--as-of", AS_OF, "--format", "json", "--tz", "Asia/Tokyo"], g.io);
    expect((JSON.parse(g.out()) as Report).timeZone).toBe("Asia/Tokyo");
  });

  it("both config files present: ahr.config.json wins, with a warning on stderr", async () => {
    const d = await tempDir();
    await writeFile(join(d, "ahr.config.json"), "{}");
    await writeFile(join(d, ".ahrrc.json"), "{}");
    const f = fakeIo({ cwd: d });
    expect(await run(["check", HEALTHY, "--as-of", AS_OF, "--quiet"], f.io)).toBe(0);
    expect(f.err()).toBe("ahr: warning: both ahr.config.json and .ahrrc.json are present; using ahr.config.json and ignoring .ahrrc.json\n");
  });
});

describe("usage errors: exit 2 with one line", () => {
  const cases: [string, string[], RegExp][] = [
    ["bad --as-of", ["check", HEALTHY, "--as-of", "2026-02-30"], /^ahr: --as-of "2026-02-30" is not a date; expected YYYY-MM-DD/],
    ["--as-of not ISO", ["check", HEALTHY, "--as-of", "3/31/2026"], /^ahr: --as-of "3\/31\/2026" is not a date/],
    ["bad --tz", ["check", HEALTHY, "--as-of", AS_OF, "--tz", "Mars/Olympus"], /^ahr: --tz "Mars\/Olympus" is not a time zone/],
    ["bad --fail-on", ["check", HEALTHY, "--fail-on", "sometimes"], /^ahr: option '--fail-on <level>' argument 'sometimes' is invalid/],
    ["bad --format", ["check", HEALTHY, "--format", "xml"], /^ahr: option '--format <format>' argument 'xml' is invalid/],
    ["unknown option", ["check", HEALTHY, "--colour"], /^ahr: unknown option '--colour'/],
    ["unknown command", ["chek"], /^ahr: unknown command 'chek'/],
    ["no input", ["check", "--as-of", AS_OF], /^ahr: no input given/],
    ["- without --kind", ["check", "-", "--as-of", AS_OF], /^ahr: reading standard input \("-"\) needs --kind/],
    ["a missing file", ["check", "no-such-file.txt", "--as-of", AS_OF], /^ahr: no-such-file\.txt: no such file or directory/],
    ["missing --config file", ["check", HEALTHY, "--config", "nope.json"], /^ahr: nope\.json: cannot read the config file: no such file/],
  ];
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const f = fakeIo();
      expect(await run(argv, f.io)).toBe(2);
      expect(f.err()).toMatch(message);
      expect(f.err().split("\n")).toHaveLength(2);
      expect(f.out()).toBe("");
    });
  }

  it("--help is exit 0, on stdout", async () => {
    const f = fakeIo();
    expect(await run(["check", "--help"], f.io)).toBe(0);
    expect(f.out()).toContain("--fail-on");
    expect(f.err()).toBe("");
  });

  it("no command at all: the help on stderr, exit 2", async () => {
    const f = fakeIo();
    expect(await run([], f.io)).toBe(2);
    expect(f.err()).toContain("Usage: ahr");
  });
});

describe("standard input", () => {
  it("- with --kind orders reads stdin", async () => {
    const f = fakeIo({ stdin: await readFile(BREACHED, "utf8") });
    expect(await run(["check", "-", "--kind", "orders", "--as-of", AS_OF, "--format", "json"], f.io)).toBe(1);
    const r = JSON.parse(f.out()) as Report;
    expect(r.inputs[0]).toMatchObject({ kind: "orders", files: ["-"] });
  });

  it("--orders - reads stdin too", async () => {
    const f = fakeIo({ stdin: await readFile(HEALTHY, "utf8") });
    expect(await run(["check", "--orders", "-", "--as-of", AS_OF, "--quiet"], f.io)).toBe(0);
  });
});

describe("ahr schema", () => {
  it("lists every kind, required fields and accepted headers", async () => {
    const f = fakeIo();
    expect(await run(["schema"], f.io)).toBe(0);
    for (const kind of ["orders", "feedback", "claims", "chargebacks", "messages", "returns", "violations"]) {
      expect(f.out()).toMatch(new RegExp(`^${kind} \\(--${kind} FILE\\)$`, "m"));
    }
    expect(f.out()).toMatch(/^ {2}order_id {2}\(required\)$/m);
    expect(f.out()).toContain("headers: order_id, amazon-order-id, order-id, Order ID");
  });

  it("one kind; an unknown kind is exit 2", async () => {
    const f = fakeIo();
    expect(await run(["schema", "feedback"], f.io)).toBe(0);
    expect(f.out()).toMatch(/^feedback /);
    expect(f.out()).not.toContain("orders (--orders");
    const g = fakeIo();
    expect(await run(["schema", "refunds"], g.io)).toBe(2);
    expect(g.err()).toMatch(/^ahr: unknown input kind "refunds"; expected one of orders, /);
  });
});

describe("ahr init", () => {
  it("writes ahr.config.json; refuses to overwrite without --force; the check then uses it", async () => {
    const d = await tempDir();
    const f = fakeIo({ cwd: d });
    expect(await run(["init"], f.io)).toBe(0);
    const text = await readFile(join(d, "ahr.config.json"), "utf8");
    expect(text).toContain('"$schema": "./node_modules/ahr-cli/schema/ahr.config.schema.json"');

    const again = fakeIo({ cwd: d });
    expect(await run(["init"], again.io)).toBe(2);
    expect(again.err()).toBe("ahr: ahr.config.json already exists; pass --force to overwrite it\n");

    // The defaults as written: breached fails (exit 1).
    const before = fakeIo({ cwd: d });
    expect(await run(["check", BREACHED, "--as-of", AS_OF], before.io)).toBe(1);
    // lsr's target 0.04 -> 0.5 (its warnAt follows: 0.4): 0.2 and 0.105 are good, exit 0.
    await writeFile(join(d, "ahr.config.json"), text.replace('"target": 0.04', '"target": 0.5'));
    const after = fakeIo({ cwd: d });
    expect(await run(["check", BREACHED, "--as-of", AS_OF], after.io)).toBe(0);

    const forced = fakeIo({ cwd: d });
    expect(await run(["init", "--force"], forced.io)).toBe(0);
    expect(await readFile(join(d, "ahr.config.json"), "utf8")).toBe(text);
  });
});

describe("directories", () => {
  it("a directory of exports is read by kind", async () => {
    const d = await tempDir();
    await mkdir(join(d, "exports"));
    await writeFile(join(d, "exports", "orders.txt"), await readFile(BREACHED));
    const f = fakeIo({ cwd: d });
    expect(await run(["check", "exports", "--as-of", AS_OF, "--format", "json"], f.io)).toBe(1);
  });
});

describe("unexpected exceptions", () => {
  const boom = () => {
    const f = fakeIo();
    Object.defineProperty(f.io, "stdin", {
      get() {
        throw new Error("boom\n\x1b[31mred");
      },
    });
    return f;
  };
  it("are exit 2 with one INTERNAL line and no stack trace", async () => {
    const f = boom();
    expect(await run(["check", "-", "--kind", "orders", "--as-of", AS_OF], f.io)).toBe(2);
    expect(f.err()).toBe(
      "ahr: internal error: boom red; this is a bug in ahr, please report it with the output of --debug\n",
    );
  });
  it("--debug adds the stack", async () => {
    const f = boom();
    expect(await run(["check", "-", "--kind", "orders", "--as-of", AS_OF, "--debug"], f.io)).toBe(2);
    expect(f.err()).toMatch(/^ahr: internal error: boom red;.*\nError: boom\n[\s\S]*\n {4}at /);
  });
});
