/**
 * `ahr init`: a starting ahr.config.json with every default spelled out.
 *
 * JSON holds no comments, so the file explains itself with `"$comment"` keys (the schema allows
 * them in every object and ahr ignores them). `warnAt` is deliberately left out of each metric:
 * left out, it follows the target (0.8 x target, or target + 0.2 x (1 - target)), so changing a
 * target moves the warning point with it; each metric's comment gives the value it has now.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { METRIC_IDS, METRICS } from "../../catalog.js";
import { defaultConfig } from "../../config/defaults.js";
import { AhrError } from "../../errors.js";
import type { CommandContext, Io } from "../io.js";

export const INIT_FILE = "ahr.config.json";
export const INIT_SCHEMA_REF = "./node_modules/ahr-cli/schema/ahr.config.schema.json";

function percent(x: number): string {
  return `${Number((x * 100).toFixed(4))}%`;
}

/** The starting config as an object (every default, comments in "$comment"). */
export function initConfig(): Record<string, unknown> {
  const d = defaultConfig();
  const metrics: Record<string, unknown> = {
    $comment:
      "target and warnAt are fractions (0.01 = 1%). warnAt (where at_risk starts) is left out so it follows the target; add \"warnAt\" to pin it. Use \"days\": N for one window or \"windows\": [N, M] for several. level: error = a breach fails the run (exit 1), warn = reported only, off = hidden.",
  };
  for (const id of METRIC_IDS) {
    const s = d.metrics[id];
    const def = METRICS[id];
    const cmp = def.condition === "lt" ? "<" : ">=";
    const m: Record<string, unknown> = {
      $comment: `${def.name}: target ${cmp} ${percent(s.target)}; warnAt now ${s.warnAt} (${percent(s.warnAt)})`,
      target: s.target,
    };
    if (s.windows.length === 1) m.days = s.windows[0];
    else m.windows = s.windows;
    m.lagDays = s.lagDays;
    m.level = s.level;
    metrics[id] = m;
  }
  return {
    $schema: INIT_SCHEMA_REF,
    $comment:
      "ahr configuration. Every value below is a default: change what you need. Command-line flags (--tz, --date-order) beat this file. dateOrder (mdy or dmy) is left out on purpose: unset, a feedback file's dates follow its marketplace; set, it wins for every file. The full reference is the JSON Schema above.",
    timeZone: d.timeZone,
    countPendingClaims: d.countPendingClaims,
    metrics,
    ahr: {
      $comment:
        "Account Health Rating estimate: points an open violation costs by severity; repeatDoubling doubles each repeat of a policy; repeatLimits (in 180 days) put the account at risk of deactivation.",
      severityPoints: { ...d.ahr.severityPoints },
      repeatDoubling: d.ahr.repeatDoubling,
      repeatLimits: { ...d.ahr.repeatLimits },
    },
    columns: {
      $comment:
        "Map your own headers to ahr's field names per input kind, e.g. \"orders\": { \"shipped_at\": \"Ship Confirm Date\" }. `ahr schema` lists the fields and the headers already accepted.",
    },
  };
}

/** The file's text: 2-space JSON with short number lists kept on one line. */
export function initConfigText(): string {
  const json = JSON.stringify(initConfig(), null, 2);
  return `${json.replace(/\[\s+([\d\s,]+?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(", ")}]`)}\n`;
}

/** Writes ahr.config.json in io.cwd; refuses to overwrite without --force. */
export async function runInit(io: Io, force: boolean): Promise<number> {
  const path = join(io.cwd, INIT_FILE);
  try {
    await writeFile(path, initConfigText(), { flag: force ? "w" : "wx" });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EEXIST") {
      throw new AhrError("INIT_EXISTS", { file: INIT_FILE });
    }
    throw new AhrError("OUTPUT_WRITE", { file: INIT_FILE, detail: err.code ?? err.message });
  }
  io.stdout.write(`wrote ${INIT_FILE}; every value in it is a default: edit what you need\n`);
  return 0;
}

export function defineInit(program: Command, { io, setExit }: CommandContext): void {
  program
    .command("init")
    .description("write a starting ahr.config.json (every default spelled out) in this directory")
    .option("--force", "overwrite an existing ahr.config.json")
    .action(async (raw: { force?: boolean }) => {
      setExit(await runInit(io, raw.force === true));
    });
}
