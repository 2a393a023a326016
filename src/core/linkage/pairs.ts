/** Candidate pairs as two parallel typed arrays of record indices (a[k] < b[k]). */
export interface PairList {
  a: Int32Array;
  b: Int32Array;
  length: number;
}

/** A growable buffer of record index pairs. */
export class PairBuffer {
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  length = 0;

  push(i: number, j: number): void {
    if (this.length === this.a.length) {
      const na = new Int32Array(this.a.length * 2);
      na.set(this.a);
      this.a = na;
      const nb = new Int32Array(this.b.length * 2);
      nb.set(this.b);
      this.b = nb;
    }
    this.a[this.length] = i;
    this.b[this.length] = j;
    this.length++;
  }

  toList(): PairList {
    return { a: this.a.subarray(0, this.length), b: this.b.subarray(0, this.length), length: this.length };
  }
}
