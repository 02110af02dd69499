/** What the CLI decides for formatters: they never look at the process themselves. */
export interface FormatContext {
  /** Use ANSI colour. Decided once in the CLI (TTY, --color/--no-color, NO_COLOR, FORCE_COLOR, TERM=dumb). */
  color: boolean;
  /** Terminal width to fit (80 when unknown). */
  width: number;
}
