/**
 * readInputs: files -> typed records for every input kind. STUB: signatures agreed, body to come.
 */
import type { DateOrder, ResolvedConfig } from "../config/defaults.js";
import type { InputKind, Inputs } from "../records.js";
import type { Zone } from "../time.js";

export interface ReadRequest {
  /** Files given per kind (`--orders a.csv --orders b.csv`). */
  files: Partial<Record<InputKind, string[]>>;
  /** Paths whose kind is decided from their headers: files, or directories (their files). */
  auto: string[];
  /** `-` with `--kind`: standard input as one file of that kind. */
  stdin?: { kind: InputKind; stream: NodeJS.ReadableStream };
}

export interface ReadOptions {
  zone: Zone;
  dateOrder: DateOrder;
  columns: ResolvedConfig["columns"];
  /** Skip rows whose values do not parse (count them, keep the first few) instead of failing. */
  skipInvalid: boolean;
  /**
   * Orders purchased before this day are not kept (only their ids, where another input refers
   * to them: OrdersInput.outsideIds). Undefined: keep every order.
   */
  keepFromDay?: number;
  /** Called now and then while reading a file: bytes read so far and the size when known. */
  onProgress?: (file: string, bytesRead: number, size: number | null) => void;
}

export async function readInputs(request: ReadRequest, options: ReadOptions): Promise<Inputs> {
  void request;
  void options;
  throw new Error("readInputs: not implemented yet");
}
