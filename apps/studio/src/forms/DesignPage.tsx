import { type Form, FormDesigner } from '@formboard/designer';
import '@formboard/designer/designer.css';
import { FormHostProvider } from '@formboard/form-runtime';
import { useMemo, useState } from 'react';
import { useDefinition, useOrgUnits, useUsers } from '../api/queries.ts';
import type { DefinitionWithInfo } from '../api/types.ts';
import { DesignBar } from '../designs/DesignBar.tsx';
import { useDesignableForms } from '../designs/usePublishedForms.ts';
import { useVersionedSaves } from '../designs/useVersionedSaves.ts';
import { useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';
import { studioFormHost } from './formHost.ts';

/** The form designer on a definition's head version: save appends a version, publish makes it live. */
export function DesignPage({ formId }: { readonly formId: string }) {
  const definition = useDefinition(formId);
  return (
    <QueryView query={definition}>{(loaded) => <Designer key={loaded.info.id} loaded={loaded} />}</QueryView>
  );
}

function Designer({ loaded }: { readonly loaded: DefinitionWithInfo }) {
  const { locale, t } = useLocale();
  const saves = useVersionedSaves(loaded);
  // The forms a number field may roll up from (those that point at this one), checked as it is edited.
  // Waited for once only: a save makes a new version of this very form, and the designer must stay
  // open (with its undo history) while the list catches up.
  const forms = useDesignableForms();
  const [formsReady, setFormsReady] = useState(false);
  if (!formsReady && !forms.loading) setFormsReady(true);
  // The canvas previews pickers with the real directory and records, as the fill-in page will.
  const users = useUsers();
  const orgUnits = useOrgUnits();
  const host = useMemo(
    () => studioFormHost(users.data ?? [], orgUnits.data ?? []),
    [users.data, orgUnits.data],
  );
  // The designer opens the definition once; later saves must not reopen it (that would drop its undo history).
  const [initial] = useState(() => loaded.version.content as unknown as Form);
  return (
    <section className="design" aria-label={t({ 'zh-CN': '表单设计器', en: 'Form designer' })}>
      <DesignBar saves={saves} designPath={(id) => `/forms/${encodeURIComponent(id)}/design`} />
      {formsReady ? (
        <FormHostProvider host={host}>
          <FormDesigner definition={initial} forms={forms.definitions} locale={locale} onSave={saves.save} />
        </FormHostProvider>
      ) : (
        <p role="status">{t({ 'zh-CN': '正在读取表单…', en: 'Loading forms…' })}</p>
      )}
    </section>
  );
}
