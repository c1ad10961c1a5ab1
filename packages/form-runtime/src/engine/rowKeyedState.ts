/**
 * Per-path state (touched, issues) keyed by concrete path, which follows table rows when they are
 * inserted, removed or moved: the error under row 3 stays with that row after row 1 is deleted.
 */
export class RowKeyedState<T> {
  private readonly entries = new Map<string, T>();
  /** Goes up on every change, so a list derived from the entries can be kept until it does. */
  version = 0;

  get(path: string): T | undefined {
    return this.entries.get(path);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  set(path: string, value: T): void {
    this.entries.set(path, value);
    this.version++;
  }

  delete(path: string): void {
    if (this.entries.delete(path)) this.version++;
  }

  clear(): void {
    if (this.entries.size > 0) this.version++;
    this.entries.clear();
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Every value (for the form-wide error list). */
  all(): T extends readonly (infer U)[] ? U[] : T[] {
    return [...this.entries.values()].flat() as T extends readonly (infer U)[] ? U[] : T[];
  }

  /** Re-keys the rows of `table`: `mapping(oldIndex)` gives the new index, or undefined to drop. */
  remapRows(table: string, mapping: (index: number) => number | undefined): void {
    const prefix = `${table}[`;
    const moved: [string, T][] = [];
    for (const [path, value] of this.entries) {
      if (!path.startsWith(prefix)) continue;
      const close = path.indexOf(']', prefix.length);
      const next = mapping(Number(path.slice(prefix.length, close)));
      this.entries.delete(path);
      if (next !== undefined) moved.push([`${prefix}${next}${path.slice(close)}`, value]);
    }
    for (const [path, value] of moved) this.entries.set(path, value);
    this.version++;
  }
}
