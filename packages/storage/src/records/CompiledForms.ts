import {
  compileRecordValidator,
  type FieldIndex,
  type FormDefinition,
  indexFields,
  type RecordValidator,
} from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound } from '../errors.ts';
import type { DeriveRecord, RecordDeriver } from './deriveRecord.ts';

/**
 * Form versions as record writers use them, each read and compiled once per process (a committed
 * version never changes): the definition, its field index, its record validator and its deriver.
 * Read through the connection or transaction the caller passes, so a transaction can read a version
 * it just published.
 */
export class CompiledForms {
  private readonly definitions = new Map<string, FormDefinition>();
  private readonly indexes = new Map<string, FieldIndex>();
  private readonly validators = new Map<string, RecordValidator>();
  private readonly derivers = new Map<string, DeriveRecord>();

  /** `recordDeriver` computes the forms' derived fields (see `openStore`); without it, none. */
  constructor(private readonly recordDeriver?: RecordDeriver) {}

  /**
   * Forgets everything compiled: for after a transaction that wrote definition versions rolled back
   * (their numbers will be given to other content).
   */
  clear(): void {
    for (const cache of [this.definitions, this.indexes, this.validators, this.derivers]) cache.clear();
  }

  /** The content of a form version. */
  async definition(db: Dialect, formId: string, version: number): Promise<FormDefinition> {
    const key = `${formId}@${version}`;
    let definition = this.definitions.get(key);
    if (!definition) {
      const [row] = await db.query<{ content: string }>(
        'SELECT content FROM definition_versions WHERE definition_id = ? AND version = ?',
        [formId, version],
      );
      if (!row) throw notFound(`definition ${formId} version ${version}`);
      definition = JSON.parse(row.content) as FormDefinition;
      this.definitions.set(key, definition);
    }
    return definition;
  }

  /** The fields of a form version. */
  async fields(db: Dialect, formId: string, version: number): Promise<FieldIndex> {
    return this.compiled(this.indexes, db, formId, version, (form) => indexFields(form.data));
  }

  /** The record validator of a form version. */
  async validator(db: Dialect, formId: string, version: number): Promise<RecordValidator> {
    return this.compiled(this.validators, db, formId, version, compileRecordValidator);
  }

  /** The deriver of a form version; undefined when the store derives nothing. */
  async deriver(db: Dialect, formId: string, version: number): Promise<DeriveRecord | undefined> {
    const deriver = this.recordDeriver;
    if (!deriver) return undefined;
    return this.compiled(this.derivers, db, formId, version, deriver);
  }

  private async compiled<T>(
    cache: Map<string, T>,
    db: Dialect,
    formId: string,
    version: number,
    compile: (form: FormDefinition) => T,
  ): Promise<T> {
    const key = `${formId}@${version}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = compile(await this.definition(db, formId, version));
      cache.set(key, value);
    }
    return value;
  }
}
