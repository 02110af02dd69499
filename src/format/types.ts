import type { TrendReport } from "../report/trend.js";

/** What the CLI decides for formatters: they never look at the process themselves. */
export interface FormatContext {
  /** Use ANSI colour. Decided once in the CLI (TTY, --color/--no-color, NO_COLOR, FORCE_COLOR, TERM=dumb). */
  color: boolean;
  /** Terminal width to fit (80 when unknown). */
  width: number;
  /** For a format with charts (format/index.ts): the trend of each metric and window the report has. */
  trends?: readonly TrendReport[];
}
