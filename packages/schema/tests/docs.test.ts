import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENTED_KINDS,
  END,
  loadExamples,
  renderDefinitionReference,
  START,
  slug,
  withDefinitionReference,
} from '../scripts/definitionReference.ts';
import { DEFINITION_KINDS } from '../src/kinds/registry.ts';
import { validateDefinition } from '../src/validate/validateDefinition.ts';

const docsPath = new URL('../../../docs/definitions.md', import.meta.url);

type Schema = Readonly<Record<string, unknown>>;

/** Every property name of every object schema under `schema`. */
function propertyNames(schema: unknown, seen = new Set<unknown>()): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const s = node as Schema;
    if (s.properties && typeof s.properties === 'object') {
      for (const [key, child] of Object.entries(s.properties)) {
        names.add(key);
        visit(child);
      }
    }
    for (const keyword of ['items', 'additionalProperties', 'oneOf', 'patternProperties'] as const) {
      const child = s[keyword];
      if (keyword === 'patternProperties' && child) Object.values(child).forEach(visit);
      else visit(child);
    }
  };
  visit(schema);
  return names;
}

describe('docs/definitions.md', () => {
  const document = readFileSync(docsPath, 'utf8');

  it('has the current reference (run `pnpm --filter @formboard/schema docs` to refresh it)', () => {
    expect(document).toBe(withDefinitionReference(document));
  });

  it('documents every kind and every property of its schema', () => {
    for (const { title, schema } of DOCUMENTED_KINDS) {
      expect(document).toContain(`\n## ${title}\n`);
      for (const name of propertyNames(schema)) expect(document).toContain(`| \`${name}\` |`);
    }
  });

  it('shows a complete example of each kind, and every example is valid', () => {
    const generated = document.slice(document.indexOf(START), document.indexOf(END));
    const shown = loadExamples().filter((e) => generated.includes(`From \`${e.file}\``));
    for (const example of shown) {
      expect(generated).toContain(example.text.trim());
      const json = JSON.parse(example.text) as { kind: string };
      expect(DEFINITION_KINDS.has(json.kind), example.file).toBe(true);
      const result = validateDefinition(json);
      expect(result.ok ? [] : result.issues, example.file).toEqual([]);
    }
    // One example per documented kind.
    expect(shown).toHaveLength(DOCUMENTED_KINDS.length);
    // The first validation of each kind compiles its JSON Schema validator (~1 s each on a busy machine).
  }, 30_000);

  it('quotes the very issue validateDefinition gives for its example', () => {
    const form = JSON.parse(
      readFileSync(new URL('../fixtures/valid/form-kpi-scorecard.json', import.meta.url), 'utf8'),
    );
    form.computed[1].formula = 'SUM(kpis[].wieght)';
    const result = validateDefinition(form);
    expect(result.ok).toBe(false);
    expect(document).toContain(`\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\``);
  });
});

describe('renderDefinitionReference', () => {
  const text = { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] };
  const leaf = {
    type: 'object',
    properties: { type: { const: 'leaf' }, label: text, size: { type: 'integer', minimum: 1, maximum: 24 } },
    required: ['type'],
    additionalProperties: false,
  };
  const node = {
    type: 'object',
    discriminator: { propertyName: 'type' },
    required: ['type'],
    oneOf: [
      leaf,
      {
        type: 'object',
        properties: {
          type: { const: 'box' },
          children: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        },
        required: ['type', 'children'],
      },
    ],
  };
  const root = {
    type: 'object',
    properties: {
      kind: { const: 'tree' },
      schemaVersion: { const: 3 },
      title: text,
      mode: { enum: ['a', 'b'], description: 'How it is drawn.' },
      nodes: { type: 'object', propertyNames: { pattern: '^n[0-9]+$' }, additionalProperties: node },
      notes: { type: 'array', items: { type: 'object', properties: { by: text }, minProperties: 1 } },
    },
    required: ['kind', 'schemaVersion', 'nodes'],
    additionalProperties: false,
  };
  const rendered = renderDefinitionReference({
    kinds: [{ title: 'Tree 树', schema: root }],
    names: new Map<object, string>([
      [root, 'tree'],
      [text, 'localizedText'],
      [leaf, 'leafNode'],
    ]),
    examples: [
      {
        file: 'fixtures/valid/tree-big.json',
        text: '{ "kind": "tree", "schemaVersion": 3, "nodes": {}, "title": "big" }',
      },
      {
        file: 'fixtures/valid/tree-small.json',
        text: '{ "kind": "tree", "schemaVersion": 3, "nodes": {} }\n',
      },
      { file: 'fixtures/valid/other.json', text: '{ "kind": "other" }' },
    ],
  });

  it('writes one table per object with types, required flags, constraints and descriptions', () => {
    expect(rendered).toContain('## Tree 树\n\n`"kind": "tree"`, current `"schemaVersion": 3`.');
    expect(rendered).toContain('### tree\n\nThe whole document.\n\n| property | type | required | notes |');
    expect(rendered).toContain('| `kind` | `"tree"` | yes |  |');
    expect(rendered).toContain('| `title` | [localizedText](#localizedtext) |  |  |');
    expect(rendered).toContain('| `mode` | `"a"` \\| `"b"` |  | How it is drawn. |');
    expect(rendered).toContain(
      '| `nodes` | map of [tree.nodes.*](#treenodes) | yes | keys match `^n[0-9]+$` |',
    );
    expect(rendered).toContain('| `size` | integer |  | 1–24 |');
    expect(rendered).toContain('\nNo other properties.\n');
    expect(rendered).toContain('### tree.notes[]\n\nAt `/notes/{i}`.');
    expect(rendered).toContain('\nAt least 1 entry.\n');
  });

  it('lists a union by its type, naming unnamed branches after it', () => {
    expect(rendered).toContain(
      [
        '### tree.nodes.*',
        '',
        'At `/nodes/{key}`.',
        '',
        'One of, chosen by `type`:',
        '',
        '| `type` | shape |',
        '|---|---|',
        '| `"leaf"` | [leafNode](#leafnode) |',
        '| `"box"` | [tree.nodes.*(box)](#treenodesbox) |',
      ].join('\n'),
    );
    expect(rendered).toContain('| `children` | array of string | yes | no duplicates |');
  });

  it('describes a shared object once, with the places it is used', () => {
    expect(rendered.match(/### localizedText\n/g)).toHaveLength(1);
    expect(rendered).toContain('### localizedText\n\nAt `/title`, `/notes/{i}/by`, `/nodes/{key}/label`.');
  });

  it('shows the shortest example of the kind', () => {
    expect(rendered).toContain(
      '### Example: Tree 树\n\nFrom `fixtures/valid/tree-small.json`, checked by the test suite.\n\n```json\n{ "kind": "tree", "schemaVersion": 3, "nodes": {} }\n```',
    );
    expect(rendered).not.toContain('tree-big.json');
    expect(rendered).not.toContain('other.json');
  });

  it('replaces only what lies between the markers', () => {
    const page = `# Top\n\nhand-written\n\n${START}\nstale\n${END}\n\nafter\n`;
    const fresh = withDefinitionReference(page, {
      kinds: [{ title: 'Tree 树', schema: root }],
      names: new Map(),
      examples: [],
    });
    expect(fresh.startsWith('# Top\n\nhand-written\n\n<!-- definition-reference:start')).toBe(true);
    expect(fresh.endsWith(`${END}\n\nafter\n`)).toBe(true);
    expect(fresh).not.toContain('stale');
    expect(() => withDefinitionReference('# no markers')).toThrow('markers');
  });

  it('makes heading anchors the way GitHub does', () => {
    expect(slug('formDefinition.rules[]')).toBe('formdefinitionrules');
    expect(slug('layoutNode(columns)')).toBe('layoutnodecolumns');
    expect(slug('Form 表单')).toBe('form-表单');
  });
});
