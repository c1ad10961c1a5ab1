import type { LocalizedMessage } from '@formboard/formula';
import type { ImportNote, ImportSeverity } from './ImportResult.ts';

/** Collects an import's notes in the order found, once each (the same $defs entry may be read twice). */
export class ImportNotes {
  readonly #notes: ImportNote[] = [];
  readonly #seen = new Set<string>();

  /** Adds a note about the JSON Schema. */
  schema(pointer: string, severity: ImportSeverity, code: string, message: LocalizedMessage): void {
    this.add({ source: 'schema', pointer, severity, code, message });
  }

  /** Adds a note about the UI schema. */
  ui(pointer: string, severity: ImportSeverity, code: string, message: LocalizedMessage): void {
    this.add({ source: 'uiSchema', pointer, severity, code, message });
  }

  /** Adds a note unless the same one (source, pointer, text) is already there. */
  add(note: ImportNote): void {
    const key = `${note.source}|${note.pointer}|${note.code}|${note.message.en}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#notes.push(note);
  }

  /** Every note so far. */
  get all(): readonly ImportNote[] {
    return this.#notes;
  }
}
