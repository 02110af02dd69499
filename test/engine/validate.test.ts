/**
 * The library's options are checked (issue 17) before anything is read: each case that used to
 * scan `/`, read nothing, or throw a TypeError is now an AhrError with a code naming the key.
 */
import { describe, expect, it } from "vitest";
import { checkHealth, type CheckOptions } from "../../src/engine/index.js";
import { AhrError } from "../../src/errors.js";
import { AS_OF, HEALTHY } from "../cli/helpers.js";

async function rejection(options: unknown): Promise<AhrError> {
  try {
    await checkHealth(options as CheckOptions);
  } catch (e) {
    // before the fix: a TypeError, or no error at all
    expect(e).toBeInstanceOf(AhrError);
    return e as AhrError;
  }
  throw new Error("expected checkHealth to reject");
}

describe("checkHealth options", () => {
  it("paths as a string (it was walked one character at a time, down to /)", async () => {
    const e = await rejection({ paths: "/x/exports" });
    expect(e.code).toBe("OPTIONS_INVALID");
    expect(e.message).toBe('checkHealth options: paths: expected an array of paths, such as ["exports/"]');
  });

  it("a misspelled kind under files (it gave a healthy report that read nothing)", async () => {
    const e = await rejection({ files: { order: [HEALTHY] }, asOf: AS_OF });
    expect(e.code).toBe("OPTIONS_INVALID");
    expect(e.message).toBe(
      "checkHealth options: files.order: unknown input kind; expected one of orders, feedback, claims, chargebacks, messages, returns, violations, order-report, unshipped, shipments",
    );
  });

  it("a file list as a string, an unknown option, a wrong type", async () => {
    expect((await rejection({ files: { orders: HEALTHY } })).message).toBe(
      'checkHealth options: files.orders: expected an array of paths, such as ["exports/"]',
    );
    expect((await rejection({ path: [HEALTHY] })).message).toMatch(/^checkHealth options: path: unknown option/);
    expect((await rejection({ paths: [HEALTHY], details: "yes" })).message).toBe("checkHealth options: details: expected true or false");
    expect((await rejection({ paths: [HEALTHY], onProgress: 1 })).message).toBe("checkHealth options: onProgress: expected a function");
  });

  it('dateOrder "ymd" (it was taken)', async () => {
    const e = await rejection({ paths: [HEALTHY], dateOrder: "ymd" });
    expect(e.code).toBe("OPTIONS_INVALID");
    expect(e.message).toBe("checkHealth options: dateOrder: expected mdy or dmy");
  });

  it("checkHealth() and checkHealth(null) are no options: NO_INPUT; a number is OPTIONS_INVALID", async () => {
    expect((await rejection(undefined)).code).toBe("NO_INPUT");
    expect((await rejection(null)).code).toBe("NO_INPUT");
    const e = await rejection(42);
    expect(e.code).toBe("OPTIONS_INVALID");
    expect(e.message).toMatch(/^checkHealth options: \(root\): expected an options object/);
  });

  it("valid options still run (a config object, a callback)", async () => {
    const r = await checkHealth({ files: { orders: [HEALTHY] }, asOf: AS_OF, config: {}, onProgress: () => undefined, failOn: "at_risk" });
    expect(r.summary.exitCode).toBe(0);
  });
});
