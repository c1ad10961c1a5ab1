import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillJsonTemplate, fillUrlTemplate } from '../../src/kinds/checkWorkflowHttp.ts';
import type { ValidationContext } from '../../src/kinds/DefinitionKind.ts';
import { workflowKind } from '../../src/kinds/workflowKind.ts';
import type { FormDefinition } from '../../src/schemas/formDefinition.ts';
import { validateAs } from '../../src/validate/validateDefinition.ts';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/valid/${name}`, import.meta.url), 'utf8')) as {
    steps: Record<string, unknown>[];
  };
const scorecard = load('form-kpi-scorecard.json') as unknown as FormDefinition;
const context: ValidationContext = { form: (id) => (id === 'kpi-scorecard' ? scorecard : undefined) };

/** The approval fixture with its HTTP step (`syncHr`, step 4) given another body. */
function withBody(body: string) {
  const workflow = load('workflow-scorecard-approval.json');
  const step = workflow.steps[4] as Record<string, unknown>;
  expect(step.id).toBe('syncHr');
  step.body = body;
  const result = validateAs(workflowKind, workflow, context);
  return result.ok ? [] : [...result.issues];
}

describe('HTTP step templates', () => {
  const values: Record<string, unknown> = { name: '张三 & "李四"', score: 42, note: 'a\\b\n' };
  const text = (template: string) =>
    template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));

  it('URL-encodes every value, so none adds a segment or a query parameter', () => {
    expect(
      fillUrlTemplate('/people/{{ name }}/scores?week={{week}}', (n) => String(values[n] ?? 'a/b?c=d')),
    ).toBe('/people/%E5%BC%A0%E4%B8%89%20%26%20%22%E6%9D%8E%E5%9B%9B%22/scores?week=a%2Fb%3Fc%3Dd');
  });

  it('fills strings as text and lone placeholders as values, always as valid JSON', () => {
    const body = fillJsonTemplate(
      '{"who": "{{name}} ({{note}})", "score": {{score}}, "list": [{{ name }}]}',
      {
        text,
        value: (name) => values[name] ?? null,
      },
    );
    expect(JSON.parse(body)).toEqual({
      who: '张三 & "李四" (a\\b\n)',
      score: 42,
      list: ['张三 & "李四"'],
    });
    // A value can never close a string or add a key: whatever it holds, it is escaped.
    const injected = fillJsonTemplate('{"a": "{{x}}"}', {
      text: () => '", "admin": true, "b": "',
      value: () => null,
    });
    expect(Object.keys(JSON.parse(injected))).toEqual(['a']);
    expect(() => fillJsonTemplate('{"a": {{x}}', { text, value: () => 1 })).toThrow(SyntaxError);
  });

  it('accepts the fixture’s body, and names what is wrong with a body at its pointer', () => {
    expect(withBody('{"employee": "{{employee}}", "score": {{score}}, "tags": ["{{period}}"]}')).toEqual([]);
    expect(withBody('{"employee": "{{employe}}"}')).toMatchObject([
      { pointer: '/steps/4/body', code: 'workflow.unknownPlaceholder', value: 'employe' },
    ]);
    expect(withBody('{"score": {{scor}}}')).toMatchObject([
      { pointer: '/steps/4/body', code: 'workflow.unknownPlaceholder', value: 'scor' },
    ]);
    const [notJson] = withBody('{"score": {{score}} extra}');
    expect(notJson).toMatchObject({ pointer: '/steps/4/body', code: 'workflow.httpBodyNotJson' });
    expect(notJson?.message['zh-CN']).toContain('请求体不是 JSON');
  });
});
