import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import scorecard from '../../../schema/fixtures/valid/form-kpi-scorecard.json';
import {
  createFormEngine,
  type FormEngine,
  type FormEngineOptions,
  FormRenderer,
  type FormRendererOptions,
} from '../../src/index.ts';

/** The KPI scorecard fixture of @formboard/schema (a fresh copy). */
export function scorecardDefinition(): Record<string, unknown> {
  return structuredClone(scorecard) as Record<string, unknown>;
}

/** What a test form needs: fields, optionally a layout and the rest of a definition. */
export interface FormSpec {
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
  /** Layout nodes; default one field node per property, in order, at the root. */
  readonly nodes?: Readonly<Record<string, unknown>>;
  readonly root?: readonly string[];
  readonly rules?: readonly unknown[];
  readonly computed?: readonly unknown[];
  readonly validations?: readonly unknown[];
  readonly messages?: Readonly<Record<string, unknown>>;
  readonly defs?: Readonly<Record<string, unknown>>;
}

/** A valid form definition from a short spec. */
export function defineForm(spec: FormSpec): Record<string, unknown> {
  const nodes =
    spec.nodes ??
    Object.fromEntries(Object.keys(spec.properties).map((key) => [`f_${key}`, { type: 'field', path: key }]));
  return {
    kind: 'form',
    id: 'test-form',
    schemaVersion: 1,
    title: { 'zh-CN': '测试表单', en: 'Test form' },
    data: {
      type: 'object',
      properties: spec.properties,
      ...(spec.required ? { required: spec.required } : {}),
      ...(spec.defs ? { $defs: spec.defs } : {}),
    },
    layout: { root: spec.root ?? Object.keys(nodes), nodes },
    ...(spec.rules ? { rules: spec.rules } : {}),
    ...(spec.computed ? { computed: spec.computed } : {}),
    ...(spec.validations ? { validations: spec.validations } : {}),
    ...(spec.messages ? { messages: spec.messages } : {}),
  };
}

/** One field node with a widget: `{ type: 'field', path, widget, props }`. */
export function field(path: string, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { type: 'field', path, ...extra };
}

/** Renders a definition with its own engine (returned, to read values) and a user-event session. */
export function renderForm(
  definition: unknown,
  options: FormRendererOptions & { readonly engineOptions?: FormEngineOptions } = {},
): ReturnType<typeof render> & { engine: FormEngine; user: ReturnType<typeof userEvent.setup> } {
  const { engineOptions, ...rendererOptions } = options;
  const engine = createFormEngine(definition, {
    context: { now: Date.parse('2026-11-27T02:30:00Z') },
    ...engineOptions,
  });
  const user = userEvent.setup();
  const result = render(<FormRenderer engine={engine} {...rendererOptions} />);
  return { ...result, engine, user };
}
