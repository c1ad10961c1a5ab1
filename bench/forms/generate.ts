/**
 * One generator for every library: the logical form of N fields (model.ts) in each library's format
 * (formats/), with its valid and 10%-invalid data (data.ts), as the fixture files the pages fetch.
 */
import type { FormDefinition } from '@formboard/schema';
import { type FormData, type FormDataSets, makeData } from './data.ts';
import { toFormboard } from './formats/formboard.ts';
import { toFormily } from './formats/formily.ts';
import { type JsonFormsFormat, toJsonForms } from './formats/jsonForms.ts';
import { nestBySection, type RjsfFormat, toJsonSchema } from './formats/jsonSchema.ts';
import { type RhfFormat, toRhf } from './formats/rhf.ts';
import { type SurveyJson, toSurvey } from './formats/survey.ts';
import { buildLogicalForm, type LogicalForm } from './model.ts';
import { type DataSet, type FixtureMeta, fixtureUrl, LIBRARIES, type LibraryId } from './protocol.ts';

export interface GeneratedForm {
  readonly logical: LogicalForm;
  readonly data: FormDataSets;
  readonly formboard: FormDefinition;
  readonly rjsf: RjsfFormat;
  readonly jsonforms: JsonFormsFormat;
  readonly formily: ReturnType<typeof toFormily>;
  readonly surveyjs: SurveyJson;
  readonly rhf: RhfFormat;
}

export function generate(size: number): GeneratedForm {
  const logical = buildLogicalForm(size);
  return {
    logical,
    data: makeData(logical),
    formboard: toFormboard(logical),
    rjsf: toJsonSchema(logical),
    jsonforms: toJsonForms(logical),
    formily: toFormily(logical),
    surveyjs: toSurvey(logical),
    rhf: toRhf(logical),
  };
}

export function meta(form: GeneratedForm): FixtureMeta {
  const { logical } = form;
  return {
    size: logical.size,
    middle: logical.middle.key,
    middleSection: logical.middleSection,
    tableKey: logical.table.key,
    tableRows: logical.table.rows,
    invalidCount: form.data.invalidCount,
  };
}

/** The data a library is mounted with: flat for all, nested by section for rjsf. */
export function dataFor(form: GeneratedForm, library: LibraryId, set: DataSet): unknown {
  const data: FormData = form.data[set];
  return library === 'rjsf' ? nestBySection(form.logical, data) : data;
}

/** Fixture files by URL path (without the leading "/"), as the pages fetch them. */
export function fixtureFiles(form: GeneratedForm): Map<string, unknown> {
  const size = form.logical.size;
  const files = new Map<string, unknown>([[fixtureUrl.meta(size).slice(1), meta(form)]]);
  for (const library of LIBRARIES) {
    files.set(fixtureUrl.form(size, library).slice(1), form[library]);
    for (const set of ['valid', 'invalid'] as const) {
      files.set(fixtureUrl.data(size, library, set).slice(1), dataFor(form, library, set));
    }
  }
  return files;
}
