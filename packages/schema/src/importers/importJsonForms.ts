import { indexFields } from '../fields/fieldIndex.ts';
import type { DataSchema } from '../schemas/dataSchema.ts';
import { convertDataSchema } from './convertDataSchema.ts';
import { isLocalizedText } from './convertScalar.ts';
import { finishImport, internalError } from './finishImport.ts';
import { bool } from './formulaNodes.ts';
import { ImportNotes } from './ImportNotes.ts';
import type { ImportOptions, ImportResult } from './ImportResult.ts';
import { JsonFormsLayout } from './jsonFormsLayout.ts';
import { LayoutBuilder } from './LayoutBuilder.ts';
import { isObject } from './normalizeSchema.ts';
import { Origins } from './Origins.ts';
import { RuleSet } from './RuleSet.ts';
import { conditionalRules } from './schemaConditionals.ts';

/**
 * Imports a JSON Forms schema and UI schema as a form definition: VerticalLayout → the enclosing list,
 * HorizontalLayout → columns, Group → section, Categorization/Category → tabs (steps for the stepper
 * variant), Control → field (array of objects → repeating table), Label → text; SHOW/HIDE/ENABLE/DISABLE
 * rules → visible/readOnly formulas on the fields they cover. Without a UI schema, every field is placed
 * in schema order, as JSON Forms generates it. Everything not carried over as it was is in the report.
 */
export function importJsonForms(schema: unknown, uischema: unknown, options: ImportOptions): ImportResult {
  const notes = new ImportNotes();
  try {
    const origins = new Origins();
    const converted = convertDataSchema(schema, notes, origins);
    if (!converted.data) return { definition: undefined, report: notes.all };
    const index = indexFields(converted.data as unknown as DataSchema);
    const rules = new RuleSet();
    const builder = new LayoutBuilder(origins);
    const walker = new JsonFormsLayout({ tree: converted.tree, index, notes, builder, rules });
    const top = { visible: bool(true), readOnly: bool(false) };
    let ui = uischema;
    if (ui !== undefined && !(isObject(ui) && typeof ui.type === 'string')) {
      notes.ui('', 'dropped', 'ui.notElement', {
        'zh-CN': 'UI schema 不是 UI 元素（缺少 type），改用自动生成的布局',
        en: 'the UI schema is not an element (it has no type); the generated layout is used instead',
      });
      ui = undefined;
    }
    // Without a UI schema JSON Forms generates one: a Control for the whole data.
    const root = walker.element(ui ?? { type: 'Control', scope: '#' }, '', top);
    conditionalRules(converted.conditionals, index, notes, rules);
    const { data } = converted;
    return finishImport(
      {
        ...(isLocalizedText(data.title) ? { title: data.title } : {}),
        ...(isLocalizedText(data.description) ? { description: data.description } : {}),
        data,
        layout: builder.layout(root),
        rules: rules.toRules(origins),
      },
      options,
      notes,
      origins,
    );
  } catch (error) {
    return internalError(notes, error);
  }
}
