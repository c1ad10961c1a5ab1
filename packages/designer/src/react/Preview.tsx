import { FormView, openFormEngine } from '@formboard/form-runtime';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useDesignerContext, useDesignerState } from './DesignerContext.ts';

/**
 * The form as people will fill it in, on the sample data, at desktop or phone width. What is typed here
 * becomes the sample data formulas are tried on in the property panel.
 */
export function Preview(): ReactNode {
  const { designer, messages, locale, samples } = useDesignerContext();
  const [phone, setPhone] = useState(false);
  const form = useDesignerState((s) => s.document);
  // biome-ignore lint/correctness/useExhaustiveDependencies: validated again when the document changes
  const result = useMemo(() => designer.toDefinition(), [designer, form]);
  // The sample seeds a new engine only: what is typed here goes back to the sample store. The
  // definition was just validated (`result.ok`): opened as it is, not validated twice.
  const engine = useMemo(
    () =>
      result.ok
        ? openFormEngine(result.definition, {
            value: samples.recordOf(designer.getState().document),
            locale,
          })
        : undefined,
    [result, locale, samples, designer],
  );
  useEffect(
    () => engine?.subscribeForm(() => samples.setTyped(engine.getValue() as Record<string, unknown>)),
    [engine, samples],
  );
  return (
    <section className="fbd-preview" aria-label={messages.preview}>
      <button type="button" className="fb-button" aria-pressed={phone} onClick={() => setPhone(!phone)}>
        {messages.phoneWidth}
      </button>
      <div className={`fbd-preview-frame${phone ? ' fbd-preview-frame--phone' : ''}`} data-phone={phone}>
        {engine ? (
          <FormView engine={engine} locale={locale} />
        ) : (
          <p className="fb-error">{messages.previewNeedsFixes}</p>
        )}
      </div>
    </section>
  );
}
