import { evaluate, prepareFormula } from '@formboard/formula';
import { describe, expect, it } from 'vitest';
import { containsFilter, labelFieldOf } from '../src/forms/recordSource.ts';
import { starterForm } from './starterForm.ts';

describe('record pickers', () => {
  it('name a record by its form’s title field, never by a reference or a person', () => {
    expect(labelFieldOf(starterForm('key-result'))).toBe('title');
    expect(labelFieldOf(starterForm('objective'))).toBe('title');
    // The KPI library names its KPIs `name`.
    expect(labelFieldOf(starterForm('kpi'))).toBe('name');
  });

  it('search what was typed as a string, whatever quotes or backslashes it holds', () => {
    const filter = containsFilter('title', ' 良率 "A\\B" ');
    expect(filter).toBe('CONTAINS(title, "良率 \\"A\\\\B\\"")');
    const prepared = prepareFormula(filter, { fields: { title: 'string' } });
    if (!prepared.ok) throw new Error('the filter must be a valid formula');
    expect(evaluate(prepared.compiled, { data: { title: '提升良率 "A\\B" 到 98%' } })).toBe(true);
    expect(evaluate(prepared.compiled, { data: { title: '良率 A\\B' } })).toBe(false);
  });
});
