import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FieldInfo, type FormDefinition, indexFields } from '@formboard/schema';
import { parseCsv } from '../../data/generator/csv.ts';
import { PACK_DIR } from './pack.ts';

/** One row of a sample file: its key and the record its cells make. */
export interface SampleRow {
  readonly key: string;
  /** The CSV line number (the header is line 1), for messages. */
  readonly line: number;
  readonly record: Record<string, unknown>;
}

/** A sample file's text. */
export function readSampleText(file: string): string {
  return readFileSync(join(PACK_DIR, 'data', file), 'utf8');
}

/** A sample CSV file as rows of text cells, header first. */
export function readSampleCsv(file: string): string[][] {
  return parseCsv(readSampleText(file));
}

/** A cell read as the field's type, as the importer reads it: numbers, yes/no, tables as JSON; blank is absent. */
function cellValue(field: FieldInfo | undefined, text: string): unknown {
  if (text === '') return undefined;
  switch (field?.kind) {
    case 'number':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'table':
      return JSON.parse(text);
    case 'multiSelect':
      return text.split('|');
    default:
      return text;
  }
}

/** A form's sample records, read from `data/<form id>.csv`. */
export function readSampleRows(form: FormDefinition): { header: string[]; rows: SampleRow[] } {
  const [header = [], ...lines] = readSampleCsv(`${form.id}.csv`);
  const fields = indexFields(form.data).fields;
  const rows = lines.map((cells, i) => {
    const record: Record<string, unknown> = {};
    header.slice(1).forEach((path, j) => {
      const value = cellValue(fields.get(path), cells[j + 1] ?? '');
      if (value !== undefined) record[path] = value;
    });
    return { key: cells[0] ?? '', line: i + 2, record };
  });
  return { header, rows };
}

/** The sample files the manifest lists, in load order. */
export function sampleDataEntries(): { form: string; file: string }[] {
  const manifest = JSON.parse(readFileSync(join(PACK_DIR, 'pack.json'), 'utf8')) as {
    sampleData?: { form: string; file: string }[];
  };
  return manifest.sampleData ?? [];
}
