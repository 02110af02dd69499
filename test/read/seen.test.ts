import { describe, expect, it } from "vitest";
import { SeenHashes } from "../../src/read/seen.js";

describe("SeenHashes", () => {
  it("first sight records the hash; later sights give the kept index or null (not kept)", () => {
    const s = new SeenHashes();
    expect(s.seen(42, 0)).toBeUndefined();
    expect(s.seen(7, null)).toBeUndefined();
    expect(s.seen(42, 5)).toBe(0); // the first record with 42 stays
    expect(s.seen(7, 3)).toBeNull();
    expect(s.seen(0, 9)).toBeUndefined(); // 0 is a hash like any other
    expect(s.seen(0, null)).toBe(9);
  });
  it("53-bit hashes that share their low 32 bits are told apart, across growth", () => {
    const s = new SeenHashes();
    const TWO32 = 0x100000000;
    const keys: number[] = [];
    for (let i = 0; i < 5000; i++) keys.push((i % 7) * TWO32 * 1024 + i * 3 + 1); // 7 high parts
    keys.push(2 ** 53 - 1, 2 ** 52 + 1, 1 + TWO32); // the last has the low 32 bits of keys[0] (1)
    keys.forEach((k, i) => expect(s.seen(k, i % 3 === 0 ? null : i)).toBeUndefined());
    keys.forEach((k, i) => expect(s.seen(k, 99)).toBe(i % 3 === 0 ? null : i));
  });
});
