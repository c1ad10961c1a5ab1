import { type Workflow, WorkflowDesigner } from '@formboard/designer';
import '@formboard/designer/designer.css';
import '@formboard/designer/workflow-designer.css';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useDefinition, useUsers } from '../api/queries.ts';
import type { DefinitionWithInfo } from '../api/types.ts';
import { DesignBar } from '../designs/DesignBar.tsx';
import { usePublishedForms } from '../designs/usePublishedForms.ts';
import { useVersionedSaves } from '../designs/useVersionedSaves.ts';
import { useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';

/** The workflow designer on a workflow's head version: save appends a version, publish makes it the one new runs use. */
export function WorkflowDesignPage({ workflowId }: { readonly workflowId: string }) {
  const workflow = useDefinition(workflowId);
  return (
    <QueryView query={workflow}>
      {(loaded) => <WorkflowEditor key={loaded.info.id} loaded={loaded} />}
    </QueryView>
  );
}

function WorkflowEditor({ loaded }: { readonly loaded: DefinitionWithInfo }) {
  const { locale, t } = useLocale();
  const saves = useVersionedSaves(loaded);
  const forms = usePublishedForms();
  const users = useUsers();
  const people = useMemo(
    () => (users.data ?? []).map((user) => ({ id: user.id, name: user.name })),
    [users.data],
  );
  // The designer opens the workflow once; later saves must not reopen it (that would drop its undo history).
  const [initial] = useState(() => loaded.version.content as unknown as Workflow);
  return (
    <section className="design" aria-label={t({ 'zh-CN': '流程设计器', en: 'Workflow designer' })}>
      <DesignBar saves={saves} designPath={(id) => `/workflows/${encodeURIComponent(id)}/design`}>
        <Link href={`/workflows/${encodeURIComponent(saves.id)}/runs`}>
          {t({ 'zh-CN': '运行记录', en: 'Runs' })}
        </Link>
      </DesignBar>
      {forms.loading ? (
        <p role="status">{t({ 'zh-CN': '正在读取表单…', en: 'Loading forms…' })}</p>
      ) : (
        <WorkflowDesigner
          definition={initial}
          forms={forms.definitions}
          people={people}
          locale={locale}
          onSave={saves.save}
        />
      )}
    </section>
  );
}
