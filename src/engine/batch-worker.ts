/**
 * A worker thread of `ahr batch --jobs N` (engine/batch.ts): gets the batch's job once
 * (workerData), then one account at a time ({name, dir}) and answers each with its
 * AccountResult. Loads the modules once per worker, not once per account.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkAccount, type AccountJob } from "./account.js";

const job = workerData as Omit<AccountJob, "name" | "dir">;
parentPort?.on("message", (account: { name: string; dir: string }) => {
  void checkAccount({ ...job, ...account }).then((r) => parentPort?.postMessage(r));
});
