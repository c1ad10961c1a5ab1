import { getIn, type PathSegment, parsePath, setIn } from '../paths.ts';

/**
 * The form's values. Nested objects and rows are immutable and shared (a change copies only the
 * branch it is in), but the record's own object is written in place: a form of 2,000 fields would
 * otherwise copy 2,000 keys on every key press. `snapshot()` hands out an immutable copy, made only
 * when asked for and kept until the next write.
 */
export class ValueStore {
  private root: Record<string, unknown>;
  private copy: Readonly<Record<string, unknown>> | undefined;
  private readonly segments = new Map<string, readonly PathSegment[]>();

  constructor(value: Readonly<Record<string, unknown>>) {
    this.root = { ...value };
    this.copy = value;
  }

  /** A path's segments, parsed once. */
  segmentsOf(path: string): readonly PathSegment[] {
    let segments = this.segments.get(path);
    if (!segments) {
      segments = parsePath(path);
      this.segments.set(path, segments);
    }
    return segments;
  }

  get(path: string): unknown {
    return getIn(this.root, this.segmentsOf(path));
  }

  getAt(segments: readonly PathSegment[]): unknown {
    return getIn(this.root, segments);
  }

  /** Writes a value (undefined removes the key). */
  set(path: string, value: unknown): void {
    this.setAt(this.segmentsOf(path), value);
  }

  setAt(segments: readonly PathSegment[], value: unknown): void {
    const [head, ...rest] = segments;
    if (head === undefined) throw new Error('cannot set the whole record; use replace()');
    const key = String(head);
    const child = setIn(Object.hasOwn(this.root, key) ? this.root[key] : undefined, rest, value);
    if (child === undefined) delete this.root[key];
    else this.root[key] = child;
    this.copy = undefined;
  }

  /** The live record, for reading during one computation (formulas); never keep or hand it out. */
  live(): Readonly<Record<string, unknown>> {
    return this.root;
  }

  /** The current value as an object that never changes. */
  snapshot(): Readonly<Record<string, unknown>> {
    this.copy ??= { ...this.root };
    return this.copy;
  }

  /** Starts over from a value. */
  replace(value: Readonly<Record<string, unknown>>): void {
    this.root = { ...value };
    this.copy = value;
  }
}
