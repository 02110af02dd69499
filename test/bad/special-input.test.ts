/**
 * Standard input that is a directory (issue 17): the built CLI, with its standard input opened on
 * fixtures/bad/dir-empty, exits 2 with one line (it read as an empty file and exited 0).
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/helpers.js";
import { AS_OF, bad, expectOneLineError } from "./helpers.js";

describe("standard input that is a directory", () => {
  it("ahr check - --kind orders < dir-empty/: exit 2, one line, FILE_UNREADABLE", () => {
    const fd = openSync(bad("dir-empty"), "r");
    try {
      for (const format of ["table", "json", "markdown"]) {
        const r = spawnSync(process.execPath, [join(ROOT, "bin", "ahr.js"), "check", "-", "--kind", "orders", "--as-of", AS_OF, "--format", format], {
          stdio: [fd, "pipe", "pipe"],
          encoding: "utf8",
        });
        const line = expectOneLineError({ code: r.status ?? -1, out: r.stdout, err: r.stderr });
        expect(line).toBe("ahr: -: cannot read the file: standard input is a directory\n");
      }
    } finally {
      closeSync(fd);
    }
  });
});
