/**
 * One violations row (the cells a ColumnMap selected) -> one Violation (SPEC sections 3 and 8). A value
 * that does not parse is AhrError VALUE, an empty required one EMPTY_REQUIRED (cells.ts).
 */
import type { Violation } from "../../records.js";
import { Cells, type RowContext, type RowReader } from "../cells.js";
import type { ColumnMap } from "../headers.js";
import { SEVERITY_EXPECTED, parseCategory, parseSeverity } from "./vocabulary.js";

export function violationReader(map: ColumnMap, ctx: RowContext): RowReader<Violation> {
  const c: Cells = new Cells(map, ctx);
  const pPolicy = c.pos("policy");
  const pSeverity = c.pos("severity");
  const pDetected = c.pos("detected_at");
  const pCategory = c.pos("category");
  const pResolved = c.pos("resolved_at");
  const pId = c.pos("violation_id");
  const pAsin = c.pos("asin");
  const pMarket = c.pos("marketplace");
  return (r) => {
    const line = r.line;
    const policy = c.required(r, pPolicy, line, "a policy name");
    const sevText = c.required(r, pSeverity, line, "a severity (low, medium, high or critical)");
    const severity = parseSeverity(sevText);
    if (severity === null) c.fail(pSeverity, line, sevText, SEVERITY_EXPECTED);
    return {
      violationId: c.opt(r, pId),
      policy,
      severity,
      category: parseCategory(c.text(r, pCategory)),
      detectedAt: c.requiredDate(r, pDetected, line),
      resolvedAt: c.date(r, pResolved, line),
      asin: c.opt(r, pAsin),
      ...(pMarket >= 0 ? { marketplace: c.opt(r, pMarket) } : {}),
      source: { file: ctx.file, line },
    };
  };
}
