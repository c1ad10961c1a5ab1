import { localize } from '@formboard/schema';
import type { ReactNode } from 'react';
import { hasQuery, type Widget } from '../../../dashboard/dashboardTypes.ts';
import { isGroupable } from '../../../dashboard/sourceForms.ts';
import { readsSource, sourceOf } from '../../../dashboard/widgetDefaults.ts';
import { choiceName } from '../choiceNames.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import { LocalizedInput, SelectInput } from './controls.tsx';
import { DisplaySettings } from './DisplaySettings.tsx';
import { FilterFormulaBox } from './FilterFormulaBox.tsx';
import { QuerySettings } from './QuerySettings.tsx';
import { TargetSettings, ThresholdSettings, WITH_TARGET, WITH_THRESHOLDS } from './TargetAndThresholds.tsx';
import { useWidgetEditor, type WidgetEditor } from './useWidgetEditor.ts';

/** An alignment tree's fields: the parent link, title, owner, progress, and its record filter. */
function TreeSettings({ editor }: { readonly editor: WidgetEditor }): ReactNode {
  const { messages, locale } = useDashboardDesigner();
  const { tree } = editor.widget as Extract<Widget, { type: 'alignmentTree' }>;
  const top = (ok: (f: WidgetEditor['fields'][number]) => boolean) =>
    editor.fieldChoices((f) => !f.inTable && ok(f));
  const fieldSelect = (
    key: 'parentField' | 'titleField' | 'ownerField' | 'progressField',
    choices: ReturnType<typeof top>,
    optional: boolean,
  ) => (
    <SelectInput
      label={choiceName(locale, key)}
      value={tree[key]}
      {...(optional ? { none: messages.none } : {})}
      choices={choices}
      onChange={(path) => editor.set(`tree.${key}`, path === '' ? (optional ? undefined : '') : path)}
    />
  );
  return (
    <fieldset className="fbdd-group">
      <legend>{messages.tree}</legend>
      {fieldSelect(
        'parentField',
        top((f) => f.format === 'record'),
        false,
      )}
      {fieldSelect('titleField', top(isGroupable), false)}
      {fieldSelect(
        'ownerField',
        top((f) => f.format === 'user'),
        true,
      )}
      {fieldSelect(
        'progressField',
        top((f) => f.kind === 'number'),
        true,
      )}
      <FilterFormulaBox
        value={tree.filter}
        fields={editor.fields}
        onChange={(v) => editor.set('tree.filter', v)}
      />
    </fieldset>
  );
}

/** Every setting of one widget: title, type and source form, then its data, display, target and thresholds. */
export function WidgetSettings({ id }: { readonly id: string }): ReactNode {
  const { designer, messages, locale, report } = useDashboardDesigner();
  const editor = useWidgetEditor(id);
  if (!editor) return null;
  const { widget } = editor;
  const types = designer.palette.items().map((i) => ({ value: i.type, name: i.name[locale] }));
  const forms = designer.sources.forms.map((f) => ({ value: f.id, name: localize(f.title, locale) || f.id }));
  return (
    <div className="fbdd-settings-body" data-settings-for={id}>
      <h3 className="fbd-panel-title">{localize(widget.title, locale) || widget.id}</h3>
      <fieldset className="fbdd-group">
        <legend>{messages.general}</legend>
        <LocalizedInput
          label={messages.title}
          value={widget.title}
          onChange={(v) => editor.set('title', v)}
        />
        <SelectInput
          label={messages.widgetType}
          value={widget.type}
          choices={types}
          onChange={(type) => report(designer.setType(id, type as Widget['type']))}
        />
        {readsSource(widget.type) ? (
          <SelectInput
            label={messages.source}
            value={sourceOf(widget)}
            choices={forms}
            onChange={(form) => report(designer.setSource(id, form))}
          />
        ) : null}
        {widget.type === 'text' ? (
          <LocalizedInput
            label={messages.content}
            value={widget.content}
            multiline
            onChange={(v) => editor.set('content', v ?? '')}
          />
        ) : null}
      </fieldset>
      {hasQuery(widget) && sourceOf(widget) ? <QuerySettings editor={editor} /> : null}
      {widget.type === 'alignmentTree' && sourceOf(widget) ? <TreeSettings editor={editor} /> : null}
      <DisplaySettings editor={editor} />
      {WITH_TARGET.has(widget.type) ? <TargetSettings editor={editor} /> : null}
      {WITH_THRESHOLDS.has(widget.type) ? <ThresholdSettings editor={editor} /> : null}
    </div>
  );
}
