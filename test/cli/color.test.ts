import { describe, expect, it } from "vitest";
import { decideColor, decideWidth } from "../../src/cli/color.js";

describe("decideColor: the one colour decision (flags > FORCE_COLOR > NO_COLOR > TERM=dumb > TTY)", () => {
  const cases: [string, boolean | undefined, Record<string, string>, boolean | undefined, boolean][] = [
    ["a terminal", undefined, {}, true, true],
    ["a pipe", undefined, {}, false, false],
    ["isTTY unknown (a fake stream)", undefined, {}, undefined, false],
    ["NO_COLOR on a terminal", undefined, { NO_COLOR: "1" }, true, false],
    ["NO_COLOR empty is not set", undefined, { NO_COLOR: "" }, true, true],
    ["TERM=dumb on a terminal", undefined, { TERM: "dumb" }, true, false],
    ["TERM=xterm on a terminal", undefined, { TERM: "xterm-256color" }, true, true],
    ["FORCE_COLOR through a pipe", undefined, { FORCE_COLOR: "1" }, false, true],
    ["FORCE_COLOR beats NO_COLOR", undefined, { FORCE_COLOR: "1", NO_COLOR: "1" }, false, true],
    ["FORCE_COLOR beats TERM=dumb", undefined, { FORCE_COLOR: "3", TERM: "dumb" }, false, true],
    ["FORCE_COLOR=0 forces off on a terminal", undefined, { FORCE_COLOR: "0" }, true, false],
    ["FORCE_COLOR=false forces off", undefined, { FORCE_COLOR: "false" }, true, false],
    ["FORCE_COLOR empty is not set", undefined, { FORCE_COLOR: "" }, false, false],
    ["--color through a pipe", true, {}, false, true],
    ["--color beats NO_COLOR and TERM=dumb", true, { NO_COLOR: "1", TERM: "dumb" }, false, true],
    ["--no-color on a terminal", false, {}, true, false],
    ["--no-color beats FORCE_COLOR", false, { FORCE_COLOR: "1" }, true, false],
  ];
  for (const [name, flag, env, tty, expected] of cases) {
    it(`${name}: ${expected ? "on" : "off"}`, () => {
      expect(decideColor(flag, env, tty)).toBe(expected);
    });
  }
});

describe("decideWidth", () => {
  it("the terminal's columns on a terminal, else 80", () => {
    expect(decideWidth({ isTTY: true, columns: 120 })).toBe(120);
    expect(decideWidth({ isTTY: false, columns: 120 })).toBe(80);
    expect(decideWidth({})).toBe(80);
  });
});
