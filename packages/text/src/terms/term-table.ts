/**
 * A reusable table from term ids to numbers, emptied in O(1): each entry is stamped with the
 * current pass, and {@link TermTable.clear} starts a new pass instead of zeroing the arrays. Hot
 * loops over term vectors use it to scatter one vector (a weight or a position per id) and probe
 * it with another: an array read instead of a hash probe. Not re-entrant: one table per use that
 * may interleave with another.
 *
 * @example
 * ```ts
 * const table = new TermTable();
 * table.clear();
 * table.set(7, 0.5);
 * table.has(7); // true
 * table.get(7); // 0.5
 * table.clear();
 * table.has(7); // false
 * ```
 */
export class TermTable {
  private values = new Float64Array(1024);
  private marks = new Int32Array(1024);
  private pass = 1;

  /** Forgets every entry. */
  clear(): void {
    this.pass = (this.pass + 1) | 0;
    if (this.pass === 0) {
      this.marks.fill(0);
      this.pass = 1;
    }
  }

  /** Sets the value of a term id (≥ 0), growing the table as needed. */
  set(id: number, value: number): void {
    if (id >= this.marks.length) this.grow(id);
    this.values[id] = value;
    this.marks[id] = this.pass;
  }

  /** Whether a term id was set since the last {@link TermTable.clear}. */
  has(id: number): boolean {
    return id < this.marks.length && this.marks[id] === this.pass;
  }

  /** The value of a term id that {@link TermTable.has}. */
  get(id: number): number {
    return this.values[id] as number;
  }

  private grow(id: number): void {
    let length = this.marks.length;
    while (length <= id) length *= 2;
    const marks = new Int32Array(length);
    marks.set(this.marks);
    this.marks = marks;
    const values = new Float64Array(length);
    values.set(this.values);
    this.values = values;
  }
}
