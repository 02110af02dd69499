/** `ahr schema [KIND]`: the fields of each input kind, which are required, the headers accepted. */
import type { Command } from "commander";
import { AhrError } from "../../errors.js";
import { SCHEMAS } from "../../inputs/registry.js";
import { INPUT_KINDS, type InputKind } from "../../records.js";
import type { CommandContext, Io } from "../io.js";

export function defineSchema(program: Command, { io, setExit }: CommandContext): void {
  program
    .command("schema")
    .description("list the fields of each input kind, which are required, and the headers accepted")
    .argument("[kind]", `one of ${INPUT_KINDS.join(", ")}`)
    .action(async (kind: string | undefined) => {
      setExit(runSchema(io, kind));
    });
}

/** Plain text, one block per kind; fits 80 columns except for long header lists, which wrap. */
export function schemaText(kinds: readonly InputKind[]): string {
  const out: string[] = [];
  for (const kind of kinds) {
    out.push(`${kind} (--${kind} FILE)`);
    for (const field of SCHEMAS[kind]) {
      out.push(`  ${field.name}${field.required ? "  (required)" : ""}`);
      out.push(...wrap(`headers: ${[field.name, ...field.aliases].join(", ")}`, "      ", 80));
      out.push(...wrap(field.description, "      ", 80));
    }
    out.push("");
  }
  out.push(
    "Headers are matched after trimming and lower-casing, with runs of spaces, _ and - as one -.",
    "Map other headers with \"columns\" in ahr.config.json.",
  );
  return `${out.join("\n")}\n`;
}

function wrap(text: string, indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(indent + line);
  return lines;
}

export function runSchema(io: Io, kind: string | undefined): number {
  if (kind !== undefined && !(INPUT_KINDS as readonly string[]).includes(kind)) {
    throw new AhrError("UNKNOWN_KIND", { value: kind, accepted: [...INPUT_KINDS] });
  }
  io.stdout.write(schemaText(kind === undefined ? INPUT_KINDS : [kind as InputKind]));
  return 0;
}
