/**
 * The library's options checked before anything is read (issue 17): `checkHealth({paths:
 * "/x/exports"})` (a string) was walked one character at a time and scanned `/`, `files: {order:
 * [...]}` (a misspelled kind) gave a healthy report that read nothing, `checkHealth(null)` threw a
 * TypeError, `dateOrder: "ymd"` was taken. Each is OPTIONS_INVALID naming the key.
 *
 * Imported lazily by checkHealth only: the CLI builds its options itself and never loads zod for
 * them (issue 16: zod loads only when a config file is read).
 */
import { z } from "zod";
import { describeIssue } from "../config/schema.js";
import { AhrError } from "../errors.js";
import { INPUT_KINDS } from "../records.js";
import { FAIL_ON } from "./options.js";

const DATE_ORDERS = ["mdy", "dmy"] as const satisfies readonly import("../config/defaults.js").DateOrder[];

const paths = z.array(z.string({ error: "expected a path (a string)" }), {
  error: 'expected an array of paths, such as ["exports/"]',
});
const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", { error: `expected ${what}` });
const kindError = `expected one of ${INPUT_KINDS.join(", ")}`;

const optionsSchema = z.strictObject(
  {
    files: z
      .strictObject(
        Object.fromEntries(INPUT_KINDS.map((k) => [k, paths.optional()])) as Record<(typeof INPUT_KINDS)[number], z.ZodOptional<typeof paths>>,
        { error: "expected an object of path arrays per input kind, such as { orders: [\"orders.txt\"] }" },
      )
      .optional(),
    paths: paths.optional(),
    stdin: z
      .strictObject({
        kind: z.enum(INPUT_KINDS, { error: kindError }),
        stream: z.custom<NodeJS.ReadableStream>(
          (v) => typeof v === "object" && v !== null && typeof (v as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function",
          { error: "expected a readable stream" },
        ),
      })
      .optional(),
    asOf: z.string({ error: "expected a date YYYY-MM-DD (a string)" }).optional(),
    now: z.date({ error: "expected a Date" }).optional(),
    config: z
      .custom<string | object>((v) => typeof v === "string" || (typeof v === "object" && v !== null && !Array.isArray(v)), {
        error: "expected the path of a config file or a config object",
      })
      .optional(),
    timeZone: z.string({ error: "expected an IANA time zone name (a string)" }).optional(),
    dateOrder: z.enum(DATE_ORDERS, { error: `expected ${DATE_ORDERS.join(" or ")}` }).optional(),
    details: z.boolean({ error: "expected true or false" }).optional(),
    // its value is checked by resolveFailOn (FAIL_ON_UNKNOWN), like timeZone's (TIME_ZONE_UNKNOWN)
    failOn: z.string({ error: `expected ${FAIL_ON.join(", ")}` }).optional(),
    skipInvalid: z.boolean({ error: "expected true or false" }).optional(),
    cwd: z.string({ error: "expected a directory (a string)" }).optional(),
    onProgress: fn("a function").optional(),
    onWait: fn("a function").optional(),
    marketplaces: z.array(z.string({ error: "expected a marketplace name, code or id (a string)" }), {
      error: "expected an array of marketplace names, codes or ids, such as [\"DE\"]",
    }).optional(),
  },
  { error: "expected an options object, such as { paths: [\"exports/\"] }" },
);

/** Throws OPTIONS_INVALID for the first problem of `options` (undefined is no options: {}). */
export function validateCheckOptions(options: unknown): void {
  const r = optionsSchema.safeParse(options ?? {});
  if (r.success) return;
  const issue = r.error.issues[0];
  const problem = issue ? describeIssue(issue) : { key: "(root)", detail: "invalid" };
  const detail =
    issue?.code === "unrecognized_keys" ? "unknown option; see CheckOptions for the names (files, paths, asOf, config, ...)" : problem.detail;
  // an unknown kind under files: name the kinds
  const key = problem.key;
  throw new AhrError("OPTIONS_INVALID", {
    key,
    detail: issue?.code === "unrecognized_keys" && key.startsWith("files.") ? `unknown input kind; ${kindError}` : detail,
  });
}
