import { readFileSync } from 'node:fs';
import type { FieldInfo } from '@formboard/schema';
import type { ColumnMapping } from '../imports/columnMapping.ts';
import { type HeaderMapping, resolveHeaderMapping } from '../imports/headerMapping.ts';
import type { GivenMapping } from '../imports/runImport.ts';
import { CliError } from './say.ts';

const usage = (zh: string, en: string) => new CliError({ 'zh-CN': zh, en }, 2);

/** The file's text as JSON, or a usage error naming the file. */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw usage(`读不到列对应文件 ${path}`, `cannot read the mapping file ${path}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as Error).message;
    throw usage(
      `列对应文件 ${path} 不是有效的 JSON：${reason}`,
      `the mapping file ${path} is not valid JSON: ${reason}`,
    );
  }
}

const isFieldOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** A column-index mapping checked against the file's header row and the fields the importer may fill. */
function checkedColumns(
  path: string,
  columns: ColumnMapping,
  headers: readonly string[],
  fields: readonly FieldInfo[],
) {
  if (columns.length !== headers.length)
    throw usage(
      `列对应文件 ${path} 有 ${columns.length} 项，文件有 ${headers.length} 列`,
      `the mapping file ${path} has ${columns.length} entries, the file has ${headers.length} columns`,
    );
  const importable = new Set(fields.map((field) => field.path));
  const unknown = columns.filter((field): field is string => field !== null && !importable.has(field));
  if (unknown.length > 0) throw unknownFields(path, unknown, fields);
  return columns;
}

function unknownFields(path: string, names: readonly string[], fields: readonly FieldInfo[]): CliError {
  const known = fields.map((field) => field.path).join(', ');
  return usage(
    `列对应文件 ${path} 中这些字段不能导入：${names.join('、')}（可导入的字段：${known}）`,
    `the mapping file ${path} names fields that cannot be imported: ${names.join(', ')} (importable: ${known})`,
  );
}

/**
 * Reads `--mapping <file.json>`: either an object of column header → field key (or null to leave a
 * column out; columns it does not name are matched by label), or an array with a field key or null
 * per column, as the API's `mapping`. It is checked against the file's header row when the import
 * reads it: a header the file lacks or a field that cannot be imported is a usage error (exit 2).
 */
export function readMappingFile(path: string): GivenMapping {
  const value = readJson(path);
  if (Array.isArray(value) && value.every(isFieldOrNull))
    return (headers, fields) => checkedColumns(path, value, headers, fields);
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every(isFieldOrNull)
  )
    return (headers, fields) => {
      const resolved = resolveHeaderMapping(headers, value as HeaderMapping, fields);
      if ('mapping' in resolved) return resolved.mapping;
      if (resolved.unknownFields.length > 0) throw unknownFields(path, resolved.unknownFields, fields);
      throw unknownHeaders(path, resolved.unknownHeaders, headers);
    };
  throw usage(
    `列对应文件 ${path} 应是 {"列名": "字段" 或 null} 或 ["字段" 或 null, …]`,
    `the mapping file ${path} must be {"column": "field" or null} or ["field" or null, …]`,
  );
}

function unknownHeaders(path: string, missing: readonly string[], headers: readonly string[]): CliError {
  return usage(
    `列对应文件 ${path} 中这些列在文件里没有：${missing.join('、')}（文件的列：${headers.join('、')}）`,
    `the mapping file ${path} names columns the file does not have: ${missing.join(', ')} (the file's columns: ${headers.join(', ')})`,
  );
}
