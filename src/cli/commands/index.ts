/**
 * The commands, one line each, in the order `ahr --help` lists them. A command module declares
 * its flags on the program and runs its action; what the action needs beyond the flags (the
 * engine, the config loader, the output writer) it imports lazily, so `ahr --help` stays fast.
 */
import type { Command } from "commander";
import type { CommandContext } from "../io.js";
import { defineBatch } from "./batch.js";
import { defineCheck } from "./check.js";
import { defineInit } from "./init.js";
import { defineReconcile } from "./reconcile.js";
import { defineRollup } from "./rollup.js";
import { defineSchema } from "./schema.js";
import { defineTrend } from "./trend.js";

export const COMMANDS: readonly ((program: Command, ctx: CommandContext) => void)[] = [
  defineCheck,
  defineTrend,
  defineRollup,
  defineBatch,
  defineReconcile,
  defineSchema,
  defineInit,
];
