/**
 * A JSON parser that keeps what JSON.parse loses and the V2 reader needs: the text of each
 * number as written (`0.0`, `0.015625`: how many digits Amazon printed decides how a rate is
 * compared, SPEC 10), and the line and column of a syntax error. RFC 8259, nothing more
 * (no comments, no trailing commas); a duplicate key keeps the last value, as JSON.parse does.
 */

/** A number with the text it was written as. */
export class JsonNumber {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
  /** Digits after the decimal point as printed (`0.0` 1, `1e-3` 3, `12` 0). */
  get decimals(): number {
    const m = /^-?\d+(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(this.text);
    if (!m) return 0;
    return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${line}:${column}: ${detail}`);
  }
}

const MAX_DEPTH = 256;

export function parseJson(text: string): JsonValue {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (detail: string, at = i): never => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    throw new JsonSyntaxError(line, col, detail);
  };
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else return;
    }
  };
  const what = (): string => (i >= text.length ? "the end of the file" : JSON.stringify(text[i]));
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const str = (): string => {
    // at the opening quote
    i++;
    let out = "";
    let from = i;
    for (;;) {
      if (i >= text.length) fail("a string is never closed");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(from, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("a control character inside a string");
      if (c === 0x5c) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail("a bad escape in a string");
        from = i;
        continue;
      }
      i++;
    }
  };

  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const obj: { [key: string]: JsonValue } = {};
      ws();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a key in quotes, found ${what()}`);
        const key = str();
        ws();
        if (text[i] !== ":") fail(`expected ":" after a key, found ${what()}`);
        i++;
        const v = value(depth + 1);
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return obj;
        }
        fail(`expected "," or "}", found ${what()}`);
      }
    }
    if (c === "[") {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail(`expected "," or "]", found ${what()}`);
      }
    }
    if (c === '"') return str();
    if (text.startsWith("true", i)) {
      i += 4;
      return true;
    }
    if (text.startsWith("false", i)) {
      i += 5;
      return false;
    }
    if (text.startsWith("null", i)) {
      i += 4;
      return null;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m !== null && m[0].length > 0) {
      i += m[0].length;
      return new JsonNumber(Number(m[0]), m[0]);
    }
    return fail(`expected a value, found ${what()}`);
  };

  const v = value(0);
  ws();
  if (i < text.length) fail(`unexpected ${what()} after the document`);
  return v;
}

export function isObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}
