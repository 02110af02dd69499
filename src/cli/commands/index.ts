/**
 * The commands, one line each, in the order `ahr --help` lists them. A command module declares
 * its flags on the program and runs its action; what the action needs beyond the flags (the
 * engine, the config loader, the output writer) it imports lazily, so `ahr --help` stays fast.
 */
import type { Command } from "commander";
import type { Io } from "../io.js";
import { defineCheck } from "./check.js";
import { defineInit } from "./init.js";
import { defineSchema } from "./schema.js";
import { defineTrend } from "./trend.js";

/** What a command's action needs from run(): the process adapter and where its exit code goes. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
}

export const COMMANDS: readonly ((program: Command, ctx: CommandContext) => void)[] = [
  defineCheck,
  defineTrend,
  defineSchema,
  defineInit,
];
