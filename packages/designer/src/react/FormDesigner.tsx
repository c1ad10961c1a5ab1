import { defaultWidgetRegistry, type WidgetRegistry } from '@formboard/form-runtime';
import type { Locale } from '@formboard/formula';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { createFormDesigner, type FormDesignerStore } from '../form/createFormDesigner.ts';
import type { DefinitionResult } from '../form/formProblems.ts';
import type { Form } from '../form/formTree.ts';
import type { Palette as PaletteRegistry } from '../form/palette.ts';
import { BUILT_IN_WIDGET_PROPERTIES, type WidgetPropertySchema } from '../panel/widgetProperties.ts';
import { DesignerContext, type DesignerContextValue } from './DesignerContext.ts';
import { DesignerLayout } from './DesignerLayout.tsx';
import { DesignerDnd } from './dnd/DesignerDnd.tsx';
import { designerMessages } from './messages.ts';
import { RuleTextProvider } from './rules/RuleText.tsx';
import { createSampleStore } from './sample/sampleStore.ts';
import { useDesignerSession } from './shared/useDesignerSession.ts';

/** Props of <FormDesigner>. */
export interface FormDesignerProps {
  /** The definition to edit. Passing another one (not the one `onChange` gave) opens it afresh. */
  readonly definition: Form;
  /** Called after every change with the definition and its validation (problems linked to nodes). */
  readonly onChange?: (definition: Form, result: DefinitionResult) => void;
  /** Shows a Save button (enabled when changed and valid); the designer is clean once it resolves. */
  readonly onSave?: (definition: Form) => unknown;
  /** "zh-CN" (default) or "en". */
  readonly locale?: Locale;
  /** Palette items; default the built-in ones. */
  readonly palette?: PaletteRegistry;
  /** Widgets for the canvas and preview; default form-runtime's shared registry. */
  readonly widgets?: WidgetRegistry;
  /** Property schemas of widgets' props (a pack's widgets), over the built-in ones. */
  readonly widgetProperties?: Readonly<Record<string, WidgetPropertySchema>>;
  /**
   * The forms of the app (their current definitions): a number or date field can roll up from those
   * that point at this form, and the roll-up panel checks roll-ups against them (warnings: saving is
   * not held up by other forms). Default none (no child forms to choose).
   */
  readonly forms?: readonly Form[];
  /** A headless designer the host made (to drive it from outside); default one made here. */
  readonly designer?: FormDesignerStore;
  /** The clock for sample dates: `YYYY-MM-DD`; default today. */
  readonly today?: string;
}

const NO_FORMS: readonly Form[] = [];

/**
 * The form designer: palette, canvas, outline and property panel around a headless FormDesignerStore, with
 * drag and drop, shortcuts, preview and save. Mount it where forms are designed (apps/studio).
 */
export function FormDesigner(props: FormDesignerProps): ReactNode {
  const locale = props.locale ?? 'zh-CN';
  const forms = useRef(props.forms);
  forms.current = props.forms;
  const [own] = useState(
    () =>
      props.designer ??
      createFormDesigner({
        definition: props.definition,
        ...(props.palette ? { palette: props.palette } : {}),
        // Read at each check, so a list the host loads later is used from the next edit on.
        ...(props.forms ? { forms: (id: string) => forms.current?.find((f) => f.id === id) } : {}),
      }),
  );
  const designer = props.designer ?? own;
  const messages = designerMessages(locale);
  const session = useDesignerSession(designer, props, locale, messages);
  const today = props.today ?? new Date().toISOString().slice(0, 10);
  // The sample record: what was typed in the preview, over values made up for every field (new fields too).
  const samples = useMemo(() => createSampleStore(today), [today]);
  const { announce, report } = session;
  const widgetProperties = useMemo(
    () => ({ ...BUILT_IN_WIDGET_PROPERTIES, ...(props.widgetProperties ?? {}) }),
    [props.widgetProperties],
  );
  const context = useMemo<DesignerContextValue>(
    () => ({
      designer,
      locale,
      messages,
      widgets: props.widgets ?? defaultWidgetRegistry,
      widgetProperties,
      forms: props.forms ?? NO_FORMS,
      today,
      announce,
      report,
      samples,
    }),
    [
      designer,
      locale,
      messages,
      props.widgets,
      widgetProperties,
      props.forms,
      today,
      announce,
      report,
      samples,
    ],
  );
  return (
    <DesignerContext.Provider value={context}>
      <RuleTextProvider locale={locale} messages={messages}>
        <DesignerDnd>
          <DesignerLayout session={session} />
        </DesignerDnd>
      </RuleTextProvider>
    </DesignerContext.Provider>
  );
}
