/**
 * Amazon's own reports among the inputs of `ahr check` (SPEC 10): found among the paths before
 * the exports are read (inputs/amazon/find.ts), set aside so readInputs does not stop at them,
 * and applied to the finished report (report/amazon.ts: AHR notes only, no metric changes).
 * With none among the paths, `options` and the report are left exactly as they were.
 */
import type { ResolvedConfig } from "../config/defaults.js";
import { AhrError } from "../errors.js";
import { findAmazonReports } from "../inputs/amazon/find.js";
import { withAmazonFigures } from "../report/amazon.js";
import type { Report } from "../report/types.js";
import { zone } from "../time.js";
import { resolveFailOn, type CheckOptions } from "./options.js";

export interface AmazonForCheck<O extends CheckOptions> {
  /** The options to check with: the paths without Amazon's files, and what to set aside. */
  options: O & { setAside?: ReadonlySet<string> };
  /** The report with Amazon's figures applied (the same object when there are none). */
  apply(report: Report): Report;
}

export async function amazonForCheck<O extends CheckOptions>(config: ResolvedConfig, options: O): Promise<AmazonForCheck<O>> {
  const paths = options.paths ?? [];
  const found = paths.length === 0 ? null : await findAmazonReports(paths, [], zone(config.timeZone), { lenient: true });
  if (found === null || (found.documents.length === 0 && found.lists.length === 0)) return { options, apply: (r) => r };
  if (found.documents.length > 1) throw new AhrError("AMAZON_TWICE", { files: found.documents.map((d) => d.file) });
  const doc = found.documents[0] ?? null;
  const failOn = resolveFailOn(options);
  return {
    options: { ...options, paths: found.paths, setAside: found.setAside },
    apply: (report) => withAmazonFigures(report, doc, found.lists, config, failOn),
  };
}
