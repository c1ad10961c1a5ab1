import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/importers/ImportResult.ts';
import { importJsonSchema } from '../../src/importers/importJsonSchema.ts';
import { formKind } from '../../src/kinds/formKind.ts';
import { validateAs } from '../../src/validate/validateDefinition.ts';

/** The notes as `severity source pointer code` lines, easy to compare and read in a failure. */
const brief = (result: ImportResult) =>
  result.report.map((n) => `${n.severity} ${n.source} ${n.pointer} ${n.code}`);

/** The imported definition, checked to exist and to pass validation. */
function imported(result: ImportResult) {
  expect(result.definition, JSON.stringify(result.report, null, 2)).toBeDefined();
  const checked = validateAs(formKind, result.definition);
  expect(checked.ok ? [] : checked.issues).toEqual([]);
  // biome-ignore lint/suspicious/noExplicitAny: tests read the definition's free-form parts (nodes, props)
  return result.definition as any;
}

// The "Simple" example of the rjsf playground.
const registration = {
  schema: {
    title: 'A registration form',
    description: 'A simple form example.',
    type: 'object',
    required: ['firstName', 'lastName'],
    properties: {
      firstName: { type: 'string', title: 'First name', default: 'Chuck' },
      lastName: { type: 'string', title: 'Last name' },
      age: { type: 'integer', title: 'Age' },
      bio: { type: 'string', title: 'Bio' },
      password: { type: 'string', title: 'Password', minLength: 3 },
      telephone: { type: 'string', title: 'Telephone', minLength: 10 },
    },
  },
  uiSchema: {
    firstName: {
      'ui:autofocus': true,
      'ui:placeholder': 'Given name',
      'ui:description': 'As on your ID card',
    },
    age: { 'ui:widget': 'updown', 'ui:title': 'Age of person', 'ui:description': '(earth year)' },
    bio: { 'ui:widget': 'textarea' },
    password: { 'ui:widget': 'password', 'ui:help': 'Hint: Make it strong!' },
    telephone: { 'ui:options': { inputType: 'tel' } },
  },
};

describe('importJsonSchema', () => {
  it('imports the rjsf registration example: fields, order, widgets, labels, help', () => {
    const result = importJsonSchema(registration.schema, registration.uiSchema, { id: 'registration' });
    const form = imported(result);
    expect(form.title).toBe('A registration form');
    expect(form.description).toBe('A simple form example.');
    expect(form.data.required).toEqual(['firstName', 'lastName']);
    expect(form.data.properties.firstName).toEqual({ type: 'string', title: 'First name', default: 'Chuck' });
    expect(form.layout.root).toEqual([
      'f_firstName',
      'f_lastName',
      'f_age',
      'f_bio',
      'f_password',
      'f_telephone',
    ]);
    expect(form.layout.nodes.f_firstName).toEqual({
      type: 'field',
      path: 'firstName',
      help: 'As on your ID card',
      placeholder: 'Given name',
    });
    expect(form.layout.nodes.f_age).toEqual({
      type: 'field',
      path: 'age',
      widget: 'number',
      label: 'Age of person',
      help: '(earth year)',
    });
    expect(form.layout.nodes.f_bio.widget).toBe('textarea');
    expect(form.layout.nodes.f_password).toMatchObject({ widget: 'text', help: 'Hint: Make it strong!' });
    expect(brief(result)).toEqual([
      'dropped uiSchema /firstName/ui:autofocus ui.unsupported',
      'changed uiSchema /password/ui:widget ui.widget',
      'dropped uiSchema /telephone/ui:options/inputType ui.unsupported',
    ]);
    const password = result.report[1];
    expect(password?.message).toEqual({
      'zh-CN': '密码控件导入为普通文本框（输入不会被遮盖）',
      en: 'the password widget was imported as a plain text input (input is not masked)',
    });
  });

  it('orders fields by ui:order, with * standing for the rest', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { type: 'string' },
        c: { type: 'string' },
        d: { type: 'string' },
      },
    };
    const star = importJsonSchema(schema, { 'ui:order': ['c', '*', 'a'] }, { id: 'order' });
    expect(imported(star).layout.root).toEqual(['f_c', 'f_b', 'f_d', 'f_a']);
    expect(star.report).toEqual([]);

    const partial = importJsonSchema(schema, { 'ui:order': ['d', 'zz', 'b'] }, { id: 'order' });
    expect(imported(partial).layout.root).toEqual(['f_d', 'f_b', 'f_a', 'f_c']);
    expect(brief(partial)).toEqual([
      'dropped uiSchema /ui:order/1 ui.orderUnknown',
      'changed uiSchema /ui:order ui.orderMissing',
    ]);
    expect(partial.report[1]?.message.en).toBe(
      'ui:order does not list a, c and has no *; they were placed last',
    );
  });

  it('maps rjsf widgets to ours per kind of field, and notes those that have none', () => {
    const cases: [object, string, string | undefined][] = [
      [{ type: 'string' }, 'textarea', 'textarea'],
      [{ type: 'string', enum: ['a', 'b'] }, 'radio', 'radio'],
      [{ type: 'string', enum: ['a', 'b'] }, 'select', 'select'],
      [{ type: 'string', format: 'date' }, 'alt-date', 'date'],
      [{ type: 'string', format: 'date-time' }, 'datetime', 'datetime'],
      [{ type: 'string', format: 'email' }, 'email', 'email'],
      [{ type: 'string', format: 'uri' }, 'uri', 'url'],
      [{ type: 'number' }, 'updown', 'number'],
      [{ type: 'number', minimum: 0, maximum: 5 }, 'range', 'slider'],
      [{ type: 'integer', enum: [1, 2] }, 'radio', 'radio'],
      [{ type: 'boolean' }, 'checkbox', 'checkbox'],
      [
        { type: 'array', items: { type: 'string', enum: ['x', 'y'] }, uniqueItems: true },
        'checkboxes',
        'checkboxes',
      ],
      [
        { type: 'array', items: { type: 'string', enum: ['x', 'y'] }, uniqueItems: true },
        'select',
        'multiSelect',
      ],
      [{ type: 'boolean' }, 'radio', undefined],
      [{ type: 'string' }, 'color', undefined],
      [{ type: 'string' }, 'file', undefined],
    ];
    for (const [field, widget, expected] of cases) {
      const result = importJsonSchema(
        { type: 'object', properties: { f: field } },
        { f: { 'ui:widget': widget } },
        { id: 'widgets' },
      );
      const form = imported(result);
      expect(form.layout.nodes.f_f.widget, `${widget} on ${JSON.stringify(field)}`).toBe(expected);
      if (expected === undefined) {
        expect(brief(result)).toEqual(['dropped uiSchema /f/ui:widget ui.widget']);
        expect(result.report[0]?.message.en).toBe(
          `the widget ${widget} has no counterpart for this field; the default widget is used`,
        );
      }
    }
  });

  it('keeps hidden fields in the data without placing them, and turns read-only settings into rules', () => {
    const result = importJsonSchema(
      {
        type: 'object',
        properties: {
          token: { type: 'string' },
          note: { type: 'string' },
          id: { type: 'string', readOnly: true },
          status: { type: 'string', enum: ['open', 'closed'] },
          owner: {
            type: 'object',
            title: 'Owner',
            properties: { name: { type: 'string' }, mail: { type: 'string' } },
          },
        },
      },
      {
        token: { 'ui:widget': 'hidden' },
        note: { 'ui:hidden': true },
        status: { 'ui:disabled': true },
        owner: { 'ui:readonly': true, mail: { 'ui:title': 'E-mail' } },
      },
      { id: 'hidden' },
    );
    const form = imported(result);
    expect(Object.keys(form.data.properties)).toEqual(['token', 'note', 'id', 'status', 'owner']);
    expect(form.layout.root).toEqual(['f_id', 'f_status', 's_owner']);
    expect(form.layout.nodes.s_owner).toEqual({
      type: 'section',
      title: 'Owner',
      children: ['f_owner_name', 'f_owner_mail'],
    });
    expect(form.rules).toEqual([
      { target: 'id', readOnly: 'TRUE' },
      { target: 'status', readOnly: 'TRUE' },
      { target: 'owner.name', readOnly: 'TRUE' },
      { target: 'owner.mail', readOnly: 'TRUE' },
    ]);
    expect(brief(result)).toEqual([
      'changed schema /properties/id/readOnly readOnly.rule',
      'changed uiSchema /token/ui:widget ui.hidden',
      'changed uiSchema /note/ui:hidden ui.hidden',
    ]);
    expect(result.report[1]?.message).toEqual({
      'zh-CN': 'token 是隐藏字段：保留在数据中，但没有放到布局里',
      en: 'token is hidden: it stays in the data but is not placed in the layout',
    });
  });

  it('makes every field read-only for ui:readonly on the root, and notes uiSchema entries that mean nothing', () => {
    const result = importJsonSchema(
      {
        type: 'object',
        properties: {
          a: { type: 'string' },
          rows: { type: 'array', items: { type: 'object', properties: { x: { type: 'number' } } } },
        },
      },
      { 'ui:readonly': true, a: { items: { 'ui:widget': 'textarea' } }, rows: { 'ui:title': 'Rows', x: {} } },
      { id: 'readonly' },
    );
    const form = imported(result);
    expect(form.rules).toEqual([
      { target: 'a', readOnly: 'TRUE' },
      { target: 'rows[].x', readOnly: 'TRUE' },
      { target: 'rows', readOnly: 'TRUE' },
    ]);
    expect(form.layout.nodes.t_rows).toEqual({
      type: 'repeatingTable',
      path: 'rows',
      title: 'Rows',
      children: ['f_rows_x'],
    });
    expect(brief(result)).toEqual([
      'dropped uiSchema /a/items ui.unknownField',
      'dropped uiSchema /rows/x ui.unknownField',
    ]);
  });

  it('keeps definitions as $defs and $ref where our schema allows, and inlines the rest', () => {
    const result = importJsonSchema(
      {
        type: 'object',
        definitions: {
          money: { type: 'number', minimum: 0 },
          line: {
            type: 'object',
            properties: { item: { type: 'string' }, price: { $ref: '#/definitions/money' } },
            required: ['item'],
          },
          person: { type: 'object', properties: { name: { type: 'string' } } },
          node: {
            type: 'object',
            properties: { name: { type: 'string' }, child: { $ref: '#/definitions/node' } },
          },
          unused: { type: 'string' },
        },
        properties: {
          total: { $ref: '#/definitions/money', title: 'Total' },
          lines: { type: 'array', items: { $ref: '#/definitions/line' } },
          buyer: { $ref: '#/definitions/person' },
          tree: { $ref: '#/definitions/node' },
          broken: { $ref: '#/definitions/nope' },
        },
      },
      undefined,
      { id: 'defs' },
    );
    const form = imported(result);
    expect(form.data.$defs).toEqual({
      money: { type: 'number', minimum: 0 },
      line: {
        type: 'object',
        properties: { item: { type: 'string' }, price: { $ref: '#/$defs/money' } },
        required: ['item'],
      },
    });
    expect(form.data.properties.total).toEqual({ $ref: '#/$defs/money', title: 'Total' });
    expect(form.data.properties.lines).toEqual({ type: 'array', items: { $ref: '#/$defs/line' } });
    expect(form.data.properties.buyer).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
    expect(form.data.properties.tree).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
    expect(form.layout.nodes.t_lines).toEqual({
      type: 'repeatingTable',
      path: 'lines',
      children: ['f_lines_item', 'f_lines_price'],
    });
    expect(brief(result)).toEqual([
      'dropped schema /definitions/node/properties/child/$ref ref.recursive',
      'error schema /properties/broken/$ref ref.unresolved',
      'dropped schema /definitions/unused definition.unused',
    ]);
    expect(result.report[1]?.message.en).toBe(
      'cannot resolve the reference "#/definitions/nope": nothing is there in the document; the schema using it was not imported',
    );
  });

  it('reports every keyword and shape it cannot carry over, at its pointer', () => {
    const result = importJsonSchema(
      {
        type: 'object',
        properties: {
          name: { type: 'string' },
          either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
          pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
          scores: { type: 'array', items: { type: 'number' } },
          fixed: { const: 'v1' },
          at: { type: 'string', format: 'time' },
          extra: {
            type: 'object',
            properties: { a: { type: 'string' } },
            additionalProperties: { type: 'string' },
          },
          address: {
            type: 'object',
            properties: { geo: { type: 'object', properties: { lat: { type: 'number' } } } },
          },
          lines: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                sku: { type: 'string' },
                parts: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } } } },
              },
            },
          },
          mixed: { type: ['string', 'number', 'null'] },
          merged: { allOf: [{ type: 'string' }, { maxLength: 5 }] },
        },
        patternProperties: { '^x-': { type: 'string' } },
        dependencies: { name: { properties: { alias: { type: 'string' } } } },
      },
      undefined,
      { id: 'unsupported' },
    );
    const form = imported(result);
    expect(Object.keys(form.data.properties)).toEqual([
      'name',
      'fixed',
      'at',
      'extra',
      'address',
      'lines',
      'mixed',
      'merged',
    ]);
    expect(form.data.properties.fixed).toEqual({ type: 'string', enum: ['v1'] });
    expect(form.data.properties.address).toEqual({
      type: 'object',
      properties: { geo_lat: { type: 'number' } },
    });
    expect(form.data.properties.mixed).toEqual({ type: 'string' });
    expect(form.data.properties.merged).toEqual({ type: 'string', maxLength: 5 });
    expect(brief(result)).toEqual([
      'dropped schema /properties/either field.alternatives',
      'dropped schema /properties/pair field.tuple',
      'dropped schema /properties/scores field.listOf',
      'changed schema /properties/fixed/const const.single',
      'dropped schema /properties/at/format format.unsupported',
      'dropped schema /properties/extra/additionalProperties keyword.unsupported',
      'changed schema /properties/address/properties/geo object.flattened',
      'dropped schema /properties/lines/items/properties/parts field.nestedTable',
      'changed schema /properties/mixed/type type.union',
      'changed schema /properties/merged/allOf allOf.merged',
      'dropped schema /patternProperties keyword.unsupported',
      'dropped schema /dependencies/name conditional.dependency',
    ]);
    for (const note of result.report) {
      expect(note.message['zh-CN'].length).toBeGreaterThan(0);
      expect(note.message.en.length).toBeGreaterThan(0);
    }
    expect(result.report[2]?.message).toEqual({
      'zh-CN': '未导入字段 scores：不支持 number 的列表（只支持文本选项列表和表格）',
      en: 'the field scores was not imported: lists of number are not supported (only lists of text options and tables are)',
    });
  });

  it('renames keys that cannot be field keys, keeping the old name as title', () => {
    const result = importJsonSchema(
      {
        type: 'object',
        properties: {
          'first-name': { type: 'string' },
          first_name: { type: 'string' },
          '2fa': { type: 'boolean' },
          AND: { type: 'number', title: 'And' },
          名字: { type: 'string' },
        },
      },
      { 'first-name': { 'ui:title': 'First' } },
      { id: 'keys' },
    );
    const form = imported(result);
    expect(form.data.properties).toEqual({
      first_name_2: { type: 'string', title: 'first-name' },
      first_name: { type: 'string' },
      _2fa: { type: 'boolean', title: '2fa' },
      AND_: { type: 'number', title: 'And' },
      名字: { type: 'string' },
    });
    expect(form.layout.nodes.f_first_name_2).toEqual({ type: 'field', path: 'first_name_2', label: 'First' });
    expect(brief(result)).toEqual([
      'changed schema /properties/first-name key.renamed',
      'changed schema /properties/2fa key.renamed',
      'changed schema /properties/AND key.renamed',
    ]);
  });

  it('turns if/then/else and dependentRequired into required rules', () => {
    // Parsed from JSON: an object literal with a `then` key would be a thenable.
    const schema = JSON.parse(`{
      "type": "object",
      "properties": {
        "age": { "type": "integer" },
        "guardian": { "type": "string" },
        "card": { "type": "string" },
        "cvc": { "type": "string" }
      },
      "if": { "properties": { "age": { "maximum": 17 } }, "required": ["age"] },
      "then": { "required": ["guardian"] },
      "else": { "required": ["card"] },
      "dependentRequired": { "card": ["cvc"] }
    }`);
    const result = importJsonSchema(schema, undefined, { id: 'conditional' });
    expect(imported(result).rules).toEqual([
      { target: 'guardian', required: 'AND(age <= 17, NOT(ISBLANK(age)))' },
      { target: 'card', required: 'NOT(AND(age <= 17, NOT(ISBLANK(age))))' },
      { target: 'cvc', required: 'NOT(ISBLANK(card))' },
    ]);
    expect(brief(result)).toEqual([
      'changed schema /if conditional.rule',
      'changed schema /dependentRequired/card conditional.rule',
    ]);
  });

  it('wraps a root that is not an object as one field, and refuses what has no fields', () => {
    const wrapped = importJsonSchema(
      { type: 'string', title: 'Comment' },
      { 'ui:widget': 'textarea' },
      { id: 'one' },
    );
    const form = imported(wrapped);
    expect(form.data.properties).toEqual({ value: { type: 'string', title: 'Comment' } });
    expect(form.layout.nodes.f_value).toEqual({ type: 'field', path: 'value', widget: 'textarea' });
    expect(brief(wrapped)).toEqual(['changed schema  root.wrapped']);

    const empty = importJsonSchema({ type: 'object', properties: { x: { not: {} } } }, undefined, {
      id: 'none',
    });
    expect(empty.definition).toBeUndefined();
    expect(brief(empty)).toEqual([
      'dropped schema /properties/x field.noType',
      'error schema  schema.noFields',
    ]);
    expect(importJsonSchema(42, undefined, { id: 'none' }).report[0]?.code).toBe('schema.notObject');
  });

  it('reports validation issues of the result at their source and leaves those parts out', () => {
    const result = importJsonSchema({ type: 'object', properties: { a: { type: 'string' } } }, undefined, {
      id: 'Not An Id',
    });
    expect(result.definition).toBeUndefined();
    expect(brief(result)).toEqual(['error schema  result.schema.pattern']);
    expect(result.report[0]?.message.en).toContain('the imported definition fails validation at /id');
  });

  it('never throws: any input gives a valid definition or notes that say why not', () => {
    const keyword = fc.constantFrom(
      'type',
      'properties',
      'items',
      'enum',
      'const',
      'title',
      'format',
      '$ref',
      'allOf',
      'anyOf',
      'required',
      'minimum',
      'readOnly',
      'if',
      'then',
      'ui:widget',
      'ui:order',
      'a',
      'b-c',
    );
    const leaf = fc.oneof(
      fc.constantFrom(
        'string',
        'number',
        'object',
        'array',
        'boolean',
        'date',
        '#',
        '#/properties/a',
        'textarea',
      ),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const { node } = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(keyword, tie('node'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(node, fc.option(node, { nil: undefined }), (schema, uiSchema) => {
        const result = importJsonSchema(schema, uiSchema, { id: 'fuzz' });
        for (const note of result.report) {
          expect(note.pointer === '' || note.pointer.startsWith('/')).toBe(true);
          expect(note.message['zh-CN'] && note.message.en).toBeTruthy();
          expect(note.code).not.toBe('internal');
        }
        if (result.definition) expect(validateAs(formKind, result.definition).ok).toBe(true);
        else expect(result.report.some((n) => n.severity === 'error')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('importJsonSchema with values that are not what rjsf expects', () => {
  it('notes a ui:widget that is not a name, even an object without a prototype, instead of failing', () => {
    const result = importJsonSchema(
      { type: 'string' },
      { 'ui:widget': [Object.create(null)] },
      { id: 'odd' },
    );
    expect(result.report.map((n) => n.code)).not.toContain('internal');
    expect(result.report).toContainEqual(expect.objectContaining({ code: 'ui.widget', severity: 'dropped' }));
  });
});
