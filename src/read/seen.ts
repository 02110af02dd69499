/**
 * The row hashes seen so far in one input kind (issue 6: duplicates are found among all rows,
 * but only the records a report can use are held). Open addressing with linear probing over a
 * Float64Array of 53-bit row hashes, with per slot either the index of the kept record that
 * first had that hash, or "dropped" (the first record with that hash was not kept: only its
 * hash is remembered). 12 bytes a slot, at most three quarters full: where a Map of every
 * record read held each record (a few hundred bytes) for as long as the input was being read.
 */
export class SeenHashes {
  private keys = new Float64Array(1024);
  /** 0: empty, 1: dropped, k >= 2: kept record index k - 2. */
  private vals = new Int32Array(1024);
  private used = 0;

  private static slot(key: number, mask: number): number {
    // key < 2^53: its low 32 bits (`| 0`) and its high ones, mixed.
    return Math.imul((key | 0) ^ ((key / 0x100000000) | 0), 0x9e3779b1) & mask;
  }

  private find(key: number): number {
    const keys = this.keys;
    const vals = this.vals;
    const mask = keys.length - 1;
    let k = SeenHashes.slot(key, mask);
    while (vals[k] !== 0 && keys[k] !== key) k = (k + 1) & mask;
    return k;
  }

  /**
   * What was seen with `key`: undefined (nothing: `key` is now recorded with `kept`, a record
   * index, or null for a record not kept), null (a record that was not kept), or the index of
   * the kept record.
   */
  seen(key: number, kept: number | null): number | null | undefined {
    let k = this.find(key);
    const v = this.vals[k]!;
    if (v === 1) return null;
    if (v >= 2) return v - 2;
    if ((this.used + 1) * 4 > this.keys.length * 3) {
      this.grow();
      k = this.find(key);
    }
    this.keys[k] = key;
    this.vals[k] = kept === null ? 1 : kept + 2;
    this.used++;
    return undefined;
  }

  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Int32Array(vals.length * 2);
    for (let k = 0; k < keys.length; k++) {
      if (vals[k] === 0) continue;
      const j = this.find(keys[k]!);
      this.keys[j] = keys[k]!;
      this.vals[j] = vals[k]!;
    }
  }
}
