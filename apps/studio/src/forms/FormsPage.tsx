import { Link } from 'wouter';
import { useDefinitions } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { DEFINITION_STATES } from '../designs/definitionStates.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { Empty, QueryView } from '../ui/states.tsx';
import { CloneForm } from './CloneForm.tsx';

/** The forms the caller can fill (designers also see drafts, with their version history). */
export function FormsPage({ user }: { readonly user: User }) {
  const { locale, t } = useLocale();
  const forms = useDefinitions('form');
  const designer = user.roles.includes('designer') || user.roles.includes('admin');
  return (
    <section aria-labelledby="forms-title">
      <header className="page-header">
        <h1 id="forms-title">{t({ 'zh-CN': '填报', en: 'Forms' })}</h1>
        {designer ? (
          <Link href="/forms/new-from-file" className="button primary">
            {t({ 'zh-CN': '从 Excel 新建表单', en: 'New form from Excel' })}
          </Link>
        ) : null}
      </header>
      <QueryView query={forms}>
        {(list) =>
          list.length === 0 ? (
            <Empty>
              <p>{t({ 'zh-CN': '还没有已发布的表单。', en: 'No published forms yet.' })}</p>
            </Empty>
          ) : (
            <ul className="cards">
              {list.map((form) => {
                const path = `/forms/${encodeURIComponent(form.id)}`;
                return (
                  <li key={form.id} className="card">
                    <h2>{pick(form.title, locale, form.id)}</h2>
                    {designer ? (
                      <p className="muted">
                        {t(DEFINITION_STATES[form.state])}
                        {form.lineage
                          ? ` · ${t({ 'zh-CN': `复制自 ${form.lineage.sourceId} 第 ${form.lineage.sourceVersion} 版`, en: `cloned from ${form.lineage.sourceId} v${form.lineage.sourceVersion}` })}`
                          : ''}
                      </p>
                    ) : null}
                    <div className="actions">
                      {form.state === 'published' ? (
                        <Link href={`${path}/fill`} className="button primary">
                          {t({ 'zh-CN': '填写', en: 'Fill in' })}
                        </Link>
                      ) : null}
                      <Link href={`${path}/records`} className="button">
                        {t({ 'zh-CN': '记录', en: 'Records' })}
                      </Link>
                      {designer ? (
                        // A full page load: the designer's page has its own security policy (see the server's studio.ts).
                        <a href={`${path}/design`} className="button">
                          {t({ 'zh-CN': '设计', en: 'Design' })}
                        </a>
                      ) : null}
                      {designer ? <CloneForm sourceId={form.id} /> : null}
                      {designer ? (
                        <Link href={`/definitions/${encodeURIComponent(form.id)}/history`} className="button">
                          {t({ 'zh-CN': '版本历史', en: 'Versions' })}
                        </Link>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
