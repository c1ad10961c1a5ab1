import { createRequire } from 'node:module';
import { prepareFormula } from '@formboard/formula';
import { describe, expect, it } from 'vitest';
import { indexFields } from '../../src/fields/fieldIndex.ts';
import { formulaFieldTypes } from '../../src/fields/fieldScope.ts';
import type { ImportResult } from '../../src/importers/ImportResult.ts';
import { importJsonForms } from '../../src/importers/importJsonForms.ts';
import { formKind } from '../../src/kinds/formKind.ts';
import type { FormDefinition } from '../../src/schemas/formDefinition.ts';
import { validateAs } from '../../src/validate/validateDefinition.ts';

interface Example {
  readonly name: string;
  readonly schema: unknown;
  readonly uischema: unknown;
}

// The examples are published as CommonJS; `getExamples()` lists every registered example.
const require = createRequire(import.meta.url);
const { getExamples } = require('@jsonforms/examples') as { getExamples: () => Example[] };
const examples = getExamples();

const example = (name: string): Example => {
  const found = examples.find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return found;
};

/** A definition id from an example name ("Readonly Fields" → "jf-readonly-fields"). */
const idOf = (name: string) => `jf-${name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`.slice(0, 64);

const brief = (result: ImportResult) =>
  result.report.map((n) => `${n.severity} ${n.source} ${n.pointer} ${n.code}`);

/** The value at a JSON pointer, or undefined when nothing is there. */
function at(document: unknown, pointer: string): { found: boolean } {
  if (pointer === '') return { found: true };
  let value: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return { found: false };
    value = (value as Record<string, unknown>)[key];
  }
  return { found: true };
}

function imported(result: ImportResult): FormDefinition {
  expect(result.definition, JSON.stringify(result.report, null, 2)).toBeDefined();
  return result.definition as FormDefinition;
}

describe('importJsonForms on every @jsonforms/examples example', () => {
  it('imports each one to a valid definition or reports precisely why not, and never throws', () => {
    let clean = 0;
    let withNotes = 0;
    const failed: string[] = [];
    for (const { name, schema, uischema } of examples) {
      let result: ImportResult | undefined;
      expect(() => {
        result = importJsonForms(schema, uischema, { id: idOf(name) });
      }, name).not.toThrow();
      if (!result) continue;
      for (const note of result.report) {
        // Every note points at something that exists in the document it names, in both languages.
        const document = note.source === 'schema' ? schema : uischema;
        expect(at(document, note.pointer).found, `${name}: ${note.source} ${note.pointer}`).toBe(true);
        expect(note.message['zh-CN'].length, name).toBeGreaterThan(0);
        expect(note.message.en.length, name).toBeGreaterThan(0);
        expect(['dropped', 'changed', 'error']).toContain(note.severity);
        expect(note.code, `${name}: ${note.message.en}`).not.toBe('internal');
      }
      if (!result.definition) {
        expect(
          result.report.some((n) => n.severity === 'error'),
          name,
        ).toBe(true);
        failed.push(name);
        continue;
      }
      const checked = validateAs(formKind, result.definition);
      expect(checked.ok ? [] : checked.issues, name).toEqual([]);
      // Every generated formula parses and type-checks on its own too.
      const fields = formulaFieldTypes(indexFields(result.definition.data));
      for (const rule of result.definition.rules ?? []) {
        for (const formula of [rule.visible, rule.readOnly, rule.required]) {
          if (formula !== undefined)
            expect(prepareFormula(formula, { fields }).ok, `${name}: ${formula}`).toBe(true);
        }
      }
      if (result.report.length === 0) clean++;
      else withNotes++;
    }
    console.log(
      `@jsonforms/examples: ${examples.length} examples: ${clean} imported cleanly, ${withNotes} imported with notes, ${failed.length} could not be imported (${failed.join(', ')})`,
    );
    expect(clean + withNotes + failed.length).toBe(examples.length);
    expect({ total: examples.length, clean, withNotes }).toEqual({ total: 75, clean: 15, withNotes: 48 });
    // What cannot be imported: no schema at all (JSON Forms generates one from data), or nothing but
    // anyOf/oneOf alternatives, lists of numbers and free-form values.
    expect(failed).toEqual([
      'anyOf',
      'anyOf_simple',
      'generate',
      'dynamic',
      '1948_without',
      'json-editor',
      'list-with-detail-primitive-number',
      'oneOf_1273',
      'oneOf_1273_simple',
      'oneOf_1265_array',
      'oneOf_1265_object',
      'oneOf_1265_simple',
    ]);
  });
});

describe('importJsonForms', () => {
  it('turns SHOW, HIDE and ENABLE rules into visible and readOnly formulas', () => {
    const { schema, uischema } = example('rule');
    const result = importJsonForms(schema, uischema, { id: 'rule' });
    expect(imported(result).rules).toEqual([
      { target: 'kindOfDead', readOnly: 'NOT(dead = TRUE)' },
      // JSON Forms: a missing value fails `const: false`, so the field shows until the box is unticked.
      { target: 'kindOfVegetables', visible: 'NOT(AND(NOT(ISBLANK(vegetables)), vegetables = FALSE))' },
    ]);
    expect(brief(result)).toEqual([
      'changed uiSchema /elements/2/elements/2/rule/condition condition.always',
    ]);
  });

  it('applies rules on layouts to every field inside, with JSON Forms precedence for enablement', () => {
    const result = importJsonForms(
      {
        type: 'object',
        properties: {
          locked: { type: 'boolean' },
          kind: { type: 'string', enum: ['a', 'b'] },
          x: { type: 'string' },
          y: { type: 'number', readOnly: true },
          z: { type: 'string' },
        },
      },
      {
        type: 'Group',
        label: 'Details',
        rule: { effect: 'DISABLE', condition: { scope: '#/properties/locked', schema: { const: true } } },
        elements: [
          { type: 'Control', scope: '#/properties/x' },
          { type: 'Control', scope: '#/properties/y' },
          {
            type: 'Control',
            scope: '#/properties/z',
            rule: {
              effect: 'HIDE',
              condition: {
                type: 'OR',
                conditions: [
                  { scope: '#/properties/kind', schema: { enum: ['b'] } },
                  { scope: '#/properties/x', schema: { minLength: 3 }, failWhenUndefined: true },
                ],
              },
            },
            options: { readonly: false },
          },
        ],
      },
      { id: 'layout-rules' },
    );
    const form = imported(result);
    expect(form.layout.nodes.s_Details).toEqual({
      type: 'section',
      title: 'Details',
      children: ['f_x', 'f_y', 'f_z'],
    });
    expect(form.rules).toEqual([
      { target: 'x', readOnly: 'locked = TRUE' },
      { target: 'y', readOnly: 'TRUE' },
      { target: 'z', visible: 'NOT(OR(kind = "b", AND(NOT(ISBLANK(x)), LEN(x) >= 3)))' },
    ]);
    expect(brief(result)).toEqual([
      'changed schema /properties/y/readOnly readOnly.rule',
      'changed uiSchema /rule rule.spread',
    ]);
    expect(result.report[1]?.message.en).toBe(
      'the rule on this Group was applied to each field inside it (rules apply to fields)',
    );
  });

  it('reports a condition it cannot write as a formula and leaves the field without that rule', () => {
    const result = importJsonForms(
      { type: 'object', properties: { code: { type: 'string' }, note: { type: 'string' } } },
      {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/code' },
          {
            type: 'Control',
            scope: '#/properties/note',
            rule: { effect: 'SHOW', condition: { scope: '#/properties/code', schema: { pattern: '^A' } } },
          },
          { type: 'Control', scope: '#/properties/missing' },
        ],
      },
      { id: 'unsupported-rule' },
    );
    expect(imported(result).rules).toBeUndefined();
    expect(brief(result)).toEqual([
      'dropped uiSchema /elements/1/rule/condition/schema/pattern condition.unsupported',
      'dropped uiSchema /elements/2/scope ui.scope',
    ]);
    expect(result.report[0]?.message['zh-CN']).toBe('条件无法写成公式：不支持关键字 pattern；此规则未导入');
  });

  it('turns a Categorization into tabs, and the stepper variant into steps', () => {
    const tabs = imported(
      importJsonForms(example('categorization').schema, example('categorization').uischema, { id: 'c' }),
    );
    const root = tabs.layout.nodes[tabs.layout.root[0] as string];
    expect(root?.type).toBe('tabs');
    const panes = (root as { children: string[] }).children.map((id) => tabs.layout.nodes[id]);
    expect(panes.map((p) => p?.type)).toEqual(['tab', 'tab', 'tab']);
    expect(panes.map((p) => (p as { title?: string }).title)).toEqual([
      'categoryLabelKey',
      undefined,
      'Additional',
    ]);
    // The Category's SHOW rule now sits on each field of the tab.
    expect(tabs.rules).toContainEqual({ target: 'address.city', visible: 'provideAddress = TRUE' });
    expect(tabs.rules).toContainEqual({
      target: 'vegetarianOptions.otherFavoriteVegetable',
      visible: 'AND(vegetarian = TRUE, vegetarianOptions.favoriteVegetable = "Other")',
    });

    const { schema, uischema } = example('categorizationstepper');
    const steps = imported(importJsonForms(schema, uischema, { id: 's' }));
    const stepRoot = steps.layout.nodes[steps.layout.root[0] as string] as {
      type: string;
      children: string[];
    };
    expect(stepRoot.type).toBe('steps');
    expect(stepRoot.children.map((id) => steps.layout.nodes[id]?.type)).toEqual(['step', 'step', 'step']);
  });

  it('turns an array control into a repeating table with the columns of its detail', () => {
    const { schema, uischema } = example('array-with-detail');
    const result = importJsonForms(schema, uischema, { id: 'array-detail' });
    const form = imported(result);
    expect(form.layout.root).toEqual(['t_comments']);
    expect(form.layout.nodes.t_comments).toEqual({
      type: 'repeatingTable',
      path: 'comments',
      children: ['f_comments_message', 'f_comments_date'],
    });
    expect(form.layout.nodes.f_comments_message).toEqual({ type: 'field', path: 'message' });
    expect(form.data.properties.comments).toMatchObject({ type: 'array', minItems: 2, maxItems: 8 });
    expect(brief(result)).toEqual([
      'dropped uiSchema /elements/0/options/restrict ui.option',
      'dropped uiSchema /elements/0/options/showSortButtons ui.option',
    ]);
  });

  it('turns a ListWithDetail into a repeating table, flattening the nested object of each row', () => {
    const { schema, uischema } = example('list-with-detail');
    const result = importJsonForms(schema, uischema, { id: 'list-detail' });
    const form = imported(result);
    expect(form.data.$defs?.order?.type).toBe('object');
    const table = form.layout.nodes[form.layout.root[0] as string] as { type: string; children: string[] };
    expect(table.type).toBe('repeatingTable');
    expect(table.children.map((id) => form.layout.nodes[id])).toEqual([
      { type: 'field', path: 'title' },
      { type: 'field', path: 'processId' },
      { type: 'field', path: 'customer_id', label: 'ID' },
      { type: 'field', path: 'customer_name', label: 'Name' },
      { type: 'field', path: 'customer_department', label: 'Department' },
      { type: 'field', path: 'ordered', widget: 'switch' },
      { type: 'field', path: 'assignee' },
      { type: 'field', path: 'startDate' },
      { type: 'field', path: 'endDate' },
      { type: 'field', path: 'status' },
    ]);
    expect(brief(result)).toContain('changed schema /definitions/order/properties/customer object.flattened');
    expect(brief(result)).toContain('changed uiSchema  ui.listWithDetail');
  });

  it('places every field in schema order when there is no UI schema, and follows an object detail', () => {
    const generated = importJsonForms(example('person').schema, undefined, { id: 'person' });
    const form = imported(generated);
    expect(form.layout.root).toEqual([
      'f_name',
      'f_vegetarian',
      'f_birthDate',
      'f_nationality',
      's_personalData',
      'f_occupation',
      'f_postalCode',
    ]);
    expect(generated.report).toEqual([]);

    const { schema, uischema } = example('object');
    const detailed = imported(importJsonForms(schema, uischema, { id: 'object' }));
    expect(detailed.layout.nodes.s_User_Data).toEqual({
      type: 'section',
      title: 'User Data',
      children: ['f_user_name', 'f_user_mail'],
    });
    expect(detailed.rules).toContainEqual({ target: 'user.name', visible: 'EXACT(address.state, "DC")' });
  });

  it('reports an input that has no schema, and does not throw on nonsense', () => {
    const result = importJsonForms(undefined, { type: 'Control', scope: '#' }, { id: 'none' });
    expect(result.definition).toBeUndefined();
    expect(brief(result)).toEqual(['error schema  schema.notObject']);
    const odd = importJsonForms({ type: 'object', properties: { a: { type: 'string' } } }, [1, 'x'], {
      id: 'odd',
    });
    expect(brief(odd)).toEqual(['dropped uiSchema  ui.notElement']);
    expect(imported(odd).layout.root).toEqual(['f_a']);
  });
});

describe('importJsonForms with values that are not what JSON Forms expects', () => {
  it('reports an element whose type is an object without a prototype instead of failing', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const uischema = {
      type: 'VerticalLayout',
      elements: [{ type: Object.create(null) }, { type: 'Control', scope: '#/properties/a' }],
    };
    const result = importJsonForms(schema, uischema, { id: 'odd' });
    expect(result.report.map((n) => n.code)).not.toContain('internal');
    expect(result.definition).toBeDefined();
  });
});
