/**
 * The colour decision, made once per run (SPEC section 4, issue 4) and passed down to the
 * formatters in FormatContext; chalk's own detection is never consulted.
 *
 * Order (first that applies wins):
 * 1. `--color` on, `--no-color` off (flags beat the environment);
 * 2. `FORCE_COLOR` non-empty: on, except `0` or `false`, which force it off;
 * 3. `NO_COLOR` non-empty: off;
 * 4. `TERM=dumb`: off;
 * 5. on when stdout is a terminal, off otherwise (a pipe or a file).
 */
export function decideColor(
  flag: boolean | undefined,
  env: Record<string, string | undefined>,
  stdoutIsTTY: boolean | undefined,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stdoutIsTTY === true;
}

/** The width to fit: the terminal's columns when stdout is one, else 80. */
export function decideWidth(stdout: { isTTY?: boolean; columns?: number }): number {
  return stdout.isTTY === true && typeof stdout.columns === "number" && stdout.columns > 0 ? stdout.columns : 80;
}
