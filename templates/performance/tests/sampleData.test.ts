import { openFormEngine } from '@formboard/form-runtime';
import {
  compileRecordValidator,
  type FormDefinition,
  indexFields,
  uniqueKey,
  uniqueKeyText,
} from '@formboard/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSampleData, type SampleData, TODAY } from '../data/generate.ts';
import { formCsv, GENERATED_AT, TIME_ZONE } from '../data/generator/forms.ts';
import { loadForms } from './support/pack.ts';
import {
  readSampleCsv,
  readSampleRows,
  readSampleText,
  type SampleRow,
  sampleDataEntries,
} from './support/sampleData.ts';

const forms = loadForms();
const entries = sampleDataEntries();
const rowsOf = new Map(
  entries.map(({ form }) => [form, readSampleRows(forms.get(form) as FormDefinition).rows]),
);
const [peopleHeader = [], ...people] = readSampleCsv('people.csv');
const personIds = new Set(people.map(([id]) => id));

/** Every record-reference value of a row, top level and in table rows, with the form it points to. */
function references(form: FormDefinition, row: SampleRow): { path: string; target: string; key: string }[] {
  return [...indexFields(form.data).fields.values()]
    .filter((field) => field.format === 'record')
    .flatMap((field) => {
      const target = String(field.schema['x-form']);
      const [table, column] = field.path.split('[].');
      const values =
        column === undefined
          ? [row.record[field.path]]
          : ((row.record[table ?? ''] as Record<string, unknown>[] | undefined) ?? []).map(
              (line) => line[column],
            );
      return values
        .filter((key): key is string => typeof key === 'string')
        .map((key) => ({ path: field.path, target, key }));
    });
}

describe('people.csv, the org chart', () => {
  it('has the org chart import’s columns and 680 people with unique ids', () => {
    expect(peopleHeader).toEqual(['id', 'name', 'email', 'department', 'supervisor', 'roles']);
    expect(people).toHaveLength(680);
    expect(personIds.size).toBe(680);
    expect(new Set(people.map((p) => p[2])).size).toBe(680);
  });

  it('has one head without a supervisor, everyone else reporting to someone in the sheet', () => {
    expect(people.filter(([, , , , supervisor]) => supervisor === '')).toHaveLength(1);
    expect(
      people.filter(([, , , , supervisor]) => supervisor !== '' && !personIds.has(supervisor ?? '')),
    ).toEqual([]);
  });

  it('has six business units under the company, and only known roles', () => {
    const units = new Set(people.map(([, , , department]) => department?.split('/').slice(0, 2).join('/')));
    expect([...units].filter((unit) => unit?.endsWith('事业部'))).toHaveLength(6);
    const roles = new Set(people.flatMap(([, , , , , list]) => list?.split(';') ?? []));
    expect([...roles].sort()).toEqual(['admin', 'designer', 'manager', 'member']);
  });
});

describe('uniqueness constraints over the sample data', () => {
  it('holds every form’s constraints over its sample rows, as the store’s unique indexes will', () => {
    let checked = 0;
    for (const [formId, form] of forms) {
      const fields = indexFields(form.data);
      for (const constraint of form.unique ?? []) {
        const firstLine = new Map<string, number>();
        for (const { line, record } of rowsOf.get(formId) ?? []) {
          const key = uniqueKey(constraint, fields, record);
          if (!key) continue;
          const text = uniqueKeyText(key);
          expect(firstLine.get(text), `${formId}.csv line ${line} repeats ${constraint.id} ${text}`).toBe(
            undefined,
          );
          firstLine.set(text, line);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps to at most five breakthrough points a year, each rank used once (year and rank unique, rank 1–5)', () => {
    const breakthrough = forms.get('breakthrough') as FormDefinition;
    expect(breakthrough.unique).toEqual([
      expect.objectContaining({ id: 'year-rank', fields: ['year', 'rank'] }),
    ]);
    const ranks = indexFields(breakthrough.data).fields.get('rank')?.options;
    expect(ranks).toEqual([1, 2, 3, 4, 5]);
    const byYear = new Map<number, number[]>();
    for (const { record } of rowsOf.get('breakthrough') ?? [])
      byYear.set(Number(record.year), [...(byYear.get(Number(record.year)) ?? []), Number(record.rank)]);
    expect(byYear.size).toBeGreaterThan(0);
    for (const ranks of byYear.values()) expect(ranks.length).toBeLessThanOrEqual(5);
  });
});

describe('the manifest’s sample data', () => {
  it('lists one file per form, named after it', () => {
    expect(entries.map((e) => e.form).sort()).toEqual([...forms.keys()].sort());
    expect(entries.filter((e) => e.file !== `data/${e.form}.csv`)).toEqual([]);
  });

  it('lists referenced forms before the forms that point at them', () => {
    const order = entries.map((e) => e.form);
    const late = [...forms].flatMap(([id, form]) =>
      [...indexFields(form.data).fields.values()]
        .filter((f) => f.format === 'record' && f.schema['x-form'] !== id)
        .filter((f) => order.indexOf(String(f.schema['x-form'])) > order.indexOf(id))
        .map((f) => `${id}:${f.path}`),
    );
    expect(late).toEqual([]);
  });
});

describe.each(entries.map((entry) => [entry.file, entry.form]))('%s', (_file, formId) => {
  const form = forms.get(formId) as FormDefinition;
  const { header, rows } = readSampleRows(form);
  const fields = indexFields(form.data).fields;

  it('starts with the key column, then top-level fields, and has unique keys', () => {
    expect(header[0]).toBe('key');
    expect(header.slice(1).filter((path) => !Object.hasOwn(form.data.properties, path))).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('passes the form’s record validator on every row', () => {
    const validate = compileRecordValidator(form);
    const bad = rows.flatMap((row) =>
      validate(row.record).map((issue) => `line ${row.line} ${issue.path}: ${issue.message.en}`),
    );
    expect(bad).toEqual([]);
  });

  // Opens the form engine once per row: about 20,000 rows in all, some seconds on a busy machine.
  it('is exactly what the form submits: rules and checks pass, computed fields as the form computes them', {
    timeout: 120_000,
  }, () => {
    const different = rows.flatMap((row) => {
      const submitted = openFormEngine(form, {
        value: row.record,
        context: { now: GENERATED_AT, timeZone: TIME_ZONE },
      }).submit();
      if (!submitted.ok)
        return [`line ${row.line}: ${submitted.issues.map((i) => `${i.path} ${i.message.en}`).join('; ')}`];
      return JSON.stringify(sortKeys(submitted.value)) === JSON.stringify(sortKeys(row.record))
        ? []
        : [`line ${row.line} differs`];
    });
    expect(different).toEqual([]);
  });

  it('points record references at rows that exist (rows of its own form at earlier rows)', () => {
    const seen = new Set<string>();
    const dangling = rows.flatMap((row) => {
      const missing = references(form, row).filter(({ target, key }) =>
        target === formId ? !seen.has(key) : !rowsOf.get(target)?.some((r) => r.key === key),
      );
      seen.add(row.key);
      return missing.map(({ path, key }) => `line ${row.line} ${path} → ${key}`);
    });
    expect(dangling).toEqual([]);
  });

  it('names only people of people.csv in user fields, and units of its departments in org-unit fields', () => {
    const units = new Set(
      people.flatMap(([, , , department]) => {
        const parts = department?.split('/') ?? [];
        return parts.map((_, i) => `ou-${parts.slice(0, i + 1).join('/')}`);
      }),
    );
    const unknown = rows.flatMap((row) =>
      Object.entries(row.record).flatMap(([path, value]) => {
        const format = fields.get(path)?.format;
        if (format === 'user' && !personIds.has(String(value)))
          return [`line ${row.line} ${path} ${String(value)}`];
        if (format === 'org-unit' && !units.has(String(value)))
          return [`line ${row.line} ${path} ${String(value)}`];
        return [];
      }),
    );
    expect(unknown).toEqual([]);
  });
});

/** A value with object keys sorted, so two records compare regardless of key order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

describe('the generator', () => {
  let fresh: SampleData;
  beforeAll(() => {
    fresh = generateSampleData();
  }, 120_000);

  it('reproduces the committed files (run `pnpm --filter @formboard/template-performance run data` after changing a form)', () => {
    expect(fresh.peopleCsv).toBe(readSampleText('people.csv'));
    const stale = entries.filter(({ form }) => {
      const generated = fresh.forms.get(form);
      return !generated || formCsv(generated.form, generated.rows) !== readSampleText(`${form}.csv`);
    });
    expect(stale.map((e) => e.file)).toEqual([]);
  });

  it('plans drifts for exactly the people the two-week alert rule flags in kpi-measurement.csv', () => {
    expect(new Set(alertedPeople())).toEqual(new Set(fresh.drifting));
    expect(fresh.drifting.length).toBeGreaterThanOrEqual(6);
    expect(fresh.blips.filter((id) => fresh.drifting.includes(id))).toEqual([]);
  });

  it('gives every alert that fired before today a follow-up one-on-one with its response time', () => {
    const followUps = rowsOf.get('one-on-one')?.filter((row) => row.record.reason === 'alertFollowUp') ?? [];
    expect(followUps.map((row) => row.record.employee).sort()).toEqual([...fresh.drifting].sort());
    expect(followUps.every((row) => typeof row.record.responseHours === 'number')).toBe(true);
    expect(followUps.filter((row) => Number(row.record.responseHours) < 24).length).toBeGreaterThan(
      followUps.length / 2,
    );
    expect(followUps.every((row) => String(row.record.heldAt) <= `${TODAY}T10:00:00+08:00`)).toBe(true);
  });
});

/**
 * The people the kpi-below-baseline workflow alerts about, read from the sample: each person's worst
 * baseline shortfall per week (the workflow's max measure grouped by owner and week), worse than
 * baseline (above 0) two weeks in a row; a week without values ends a streak.
 */
function alertedPeople(): string[] {
  const worst = new Map<string, Map<string, number>>();
  for (const { record } of rowsOf.get('kpi-measurement') ?? []) {
    const weeks = worst.get(String(record.owner)) ?? new Map<string, number>();
    weeks.set(
      String(record.week),
      Math.max(weeks.get(String(record.week)) ?? Number.NEGATIVE_INFINITY, Number(record.baselineShortfall)),
    );
    worst.set(String(record.owner), weeks);
  }
  const allWeeks = [...new Set([...worst.values()].flatMap((weeks) => [...weeks.keys()]))].sort();
  return [...worst].flatMap(([owner, weeks]) => {
    let streak = 0;
    for (const week of allWeeks) {
      streak = (weeks.get(week) ?? 0) > 0 ? streak + 1 : 0;
      if (streak >= 2) return [owner];
    }
    return [];
  });
}
