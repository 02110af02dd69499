#!/usr/bin/env node
// The only file that touches the real process: it hands it to run() and sets the exit code.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process);
