import { indexFields } from '../fields/fieldIndex.ts';
import type { DataSchema } from '../schemas/dataSchema.ts';
import type { LocalizedText } from '../schemas/localizedText.ts';
import { convertDataSchema } from './convertDataSchema.ts';
import { isLocalizedText } from './convertScalar.ts';
import { finishImport, internalError } from './finishImport.ts';
import { bool } from './formulaNodes.ts';
import { ImportNotes } from './ImportNotes.ts';
import type { ImportOptions, ImportResult } from './ImportResult.ts';
import { LayoutBuilder } from './LayoutBuilder.ts';
import { isObject } from './normalizeSchema.ts';
import { Origins } from './Origins.ts';
import { type PlacementContext, placeField, placeFields, readUiOptions } from './placeSchemaFields.ts';
import { RuleSet } from './RuleSet.ts';
import { conditionalRules } from './schemaConditionals.ts';

/**
 * Imports a plain JSON Schema, with an optional rjsf uiSchema (`ui:order`, `ui:widget`, `ui:title`,
 * `ui:description`, `ui:help`, `ui:placeholder`, `ui:options`, `ui:readonly`, `ui:hidden`), as a form
 * definition. Everything that could not be carried over as it was is in the report, located in the
 * source documents; the definition passes `validateAs(formKind, …)` or is undefined.
 */
export function importJsonSchema(schema: unknown, uiSchema: unknown, options: ImportOptions): ImportResult {
  const notes = new ImportNotes();
  try {
    const origins = new Origins();
    const converted = convertDataSchema(schema, notes, origins);
    if (!converted.data) return { definition: undefined, report: notes.all };
    const index = indexFields(converted.data as unknown as DataSchema);
    const rules = new RuleSet();
    const builder = new LayoutBuilder(origins);
    let ui = uiSchema;
    if (ui !== undefined && !isObject(ui)) {
      notes.ui('', 'dropped', 'ui.notObject', {
        'zh-CN': 'uiSchema 应为对象，已忽略',
        en: 'the uiSchema must be an object; it was ignored',
      });
      ui = undefined;
    }
    const ctx: PlacementContext = {
      builder,
      index,
      notes,
      onPlace: (field, readOnly, origin) => {
        if (readOnly || field.readOnly) rules.place(field.path, bool(true), bool(true), origin, notes);
      },
    };
    const { tree } = converted;
    let root: string[];
    let title: LocalizedText | undefined;
    let description: LocalizedText | undefined;
    if (tree.wrapped) {
      // A root that is not an object: the uiSchema describes that single value.
      root = placeField(tree.wrapped, ui, '', ctx, { inTable: false, readOnly: false });
    } else {
      const rootOptions = readUiOptions(
        ui,
        '',
        notes,
        new Set(['title', 'description', 'order', 'readonly', 'disabled']),
      );
      const uiTitle = rootOptions.get('title')?.value;
      const uiDescription = rootOptions.get('description')?.value;
      if (isLocalizedText(uiTitle)) title = uiTitle;
      if (isLocalizedText(uiDescription)) description = uiDescription;
      // `ui:readonly` on the root makes the whole form read-only.
      const readOnly =
        rootOptions.get('readonly')?.value === true || rootOptions.get('disabled')?.value === true;
      root = placeFields(tree.children, ui, '', ctx, { inTable: false, readOnly });
    }
    conditionalRules(converted.conditionals, index, notes, rules);
    const data = converted.data;
    title ??= isLocalizedText(data.title) ? data.title : undefined;
    description ??= isLocalizedText(data.description) ? data.description : undefined;
    return finishImport(
      {
        ...(title === undefined ? {} : { title }),
        ...(description === undefined ? {} : { description }),
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
