import { FormView } from '@formboard/form-runtime';
import type { FormDefinition } from '@formboard/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { useDefinition, useOrgUnits, useUsers } from '../api/queries.ts';
import type { DefinitionWithInfo, StoredRecord, User } from '../api/types.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { ErrorNotice, Loading, QueryView } from '../ui/states.tsx';
import { studioFormHost } from './formHost.ts';
import { draftKey, useFormDraft } from './useFormDraft.ts';
import { useLoadedEngine } from './useLoadedEngine.ts';

const TIME_ZONE = 'Asia/Shanghai';

/** Fill in a published form: the draft survives reloads, the server validates again on submit. */
export function FillPage({ formId, user }: { readonly formId: string; readonly user: User }) {
  const definition = useDefinition(formId);
  return (
    <QueryView query={definition}>
      {(loaded) => <FillForm key={loaded.version.version} loaded={loaded} user={user} />}
    </QueryView>
  );
}

function FillForm({ loaded, user }: { readonly loaded: DefinitionWithInfo; readonly user: User }) {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const users = useUsers();
  const orgUnits = useOrgUnits();
  const form = loaded.version.content as unknown as FormDefinition;
  const key = draftKey(user.id, form.id, loaded.version.version);
  // A new engine after each stored record starts the next one empty.
  const [round, setRound] = useState(0);
  const options = {
    locale,
    context: { user: { id: user.id, name: user.name, orgUnitId: user.orgUnitId }, timeZone: TIME_ZONE },
  };
  const { engine, error, generation } = useLoadedEngine(form, options, round);
  const discardDraft = useFormDraft(engine, key);
  const host = useMemo(
    () => studioFormHost(users.data ?? [], orgUnits.data ?? []),
    [users.data, orgUnits.data],
  );
  const [saved, setSaved] = useState<StoredRecord>();
  const submit = useMutation({
    mutationFn: (data: Readonly<Record<string, unknown>>) =>
      api<StoredRecord>(`/api/forms/${encodeURIComponent(form.id)}/records`, {
        method: 'POST',
        body: { data },
      }),
    onSuccess: (record) => {
      discardDraft();
      setSaved(record);
      setRound((n) => n + 1);
      void client.invalidateQueries({ queryKey: ['records', form.id] });
    },
  });
  return (
    <section className="fill" aria-labelledby="fill-title">
      <header className="page-header">
        <h1 id="fill-title">{pick(form.title, locale, form.id)}</h1>
        <Link href={`/forms/${encodeURIComponent(form.id)}/records`}>
          {t({ 'zh-CN': '查看记录', en: 'View records' })}
        </Link>
      </header>
      {saved ? (
        <p className="notice success" role="status">
          {t({ 'zh-CN': '已提交，可以继续填写下一条。', en: 'Submitted. You can fill in the next one.' })}{' '}
          <Link href={`/records/${encodeURIComponent(saved.id)}`}>
            {t({ 'zh-CN': '查看刚提交的记录', en: 'See the record' })}
          </Link>
        </p>
      ) : null}
      {submit.error ? <ErrorNotice error={submit.error} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {engine ? (
        // Keyed by the engine's generation: a fresh view for the next record's engine (inputs keep
        // their own text otherwise).
        <FormView
          key={generation}
          engine={engine}
          locale={locale}
          host={host}
          timeZone={TIME_ZONE}
          hideTitle
          onSubmit={(value) => {
            setSaved(undefined);
            submit.mutate(value);
          }}
        />
      ) : error ? null : (
        <Loading />
      )}
    </section>
  );
}
