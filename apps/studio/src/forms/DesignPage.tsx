import { type Form, FormDesigner } from '@formboard/designer';
import '@formboard/designer/designer.css';
import { FormHostProvider } from '@formboard/form-runtime';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { useDefinition, useOrgUnits, useUsers } from '../api/queries.ts';
import type { DefinitionVersion, DefinitionWithInfo } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
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
  const client = useQueryClient();
  // The version the designer's document is based on: a save sends it, and the server refuses a save
  // based on an older one (someone else saved meanwhile) instead of overwriting their work.
  const base = useRef(loaded.info.headVersion);
  const [published, setPublished] = useState(loaded.info.publishedVersion);
  const id = loaded.info.id;
  // The canvas previews pickers with the real directory and records, as the fill-in page will.
  const users = useUsers();
  const orgUnits = useOrgUnits();
  const host = useMemo(
    () => studioFormHost(users.data ?? [], orgUnits.data ?? []),
    [users.data, orgUnits.data],
  );
  const path = `/api/definitions/${encodeURIComponent(id)}`;
  // The designer opens the definition once; later saves must not reopen it (that would drop its undo history).
  const [initial] = useState(() => loaded.version.content as unknown as Form);
  const save = useMutation({
    mutationFn: (definition: Form) =>
      api<DefinitionVersion>(path, { method: 'PUT', body: { definition, baseVersion: base.current } }),
    onSuccess: (version) => {
      base.current = version.version;
      void client.invalidateQueries({ queryKey: ['definition', id] });
      void client.invalidateQueries({ queryKey: ['definitions'] });
    },
  });
  const publish = useMutation({
    mutationFn: () => api(`${path}/publish`, { method: 'POST', body: { version: base.current } }),
    onSuccess: () => {
      setPublished(base.current);
      void client.invalidateQueries({ queryKey: ['definition', id] });
      void client.invalidateQueries({ queryKey: ['definitions'] });
    },
  });
  return (
    <section className="design" aria-label={t({ 'zh-CN': '表单设计器', en: 'Form designer' })}>
      <div className="design-bar actions">
        <span className="muted">
          {t({ 'zh-CN': `已保存第 ${base.current} 版`, en: `Saved as version ${base.current}` })}
          {published === base.current
            ? t({ 'zh-CN': '，已发布', en: ', published' })
            : t({ 'zh-CN': '，未发布', en: ', not published' })}
        </span>
        <button
          type="button"
          className="primary"
          disabled={publish.isPending || published === base.current}
          onClick={() => publish.mutate()}
        >
          {t({ 'zh-CN': '发布', en: 'Publish' })}
        </button>
        <Link href={`/definitions/${encodeURIComponent(id)}/history`}>
          {t({ 'zh-CN': '版本历史', en: 'Versions' })}
        </Link>
      </div>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {publish.error ? <ErrorNotice error={publish.error} /> : null}
      <FormHostProvider host={host}>
        <FormDesigner
          definition={initial}
          locale={locale}
          onSave={(definition) => save.mutateAsync(definition).then(() => undefined)}
        />
      </FormHostProvider>
    </section>
  );
}
