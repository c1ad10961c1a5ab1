import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';
import { type Diff, DiffView } from './VersionDiff.tsx';

/** `GET /api/definitions/:id/upstream`: a copy against the template it was cloned from. */
interface SourceComparison {
  readonly sourceId: string;
  readonly clonedVersion: number;
  readonly sourceHeadVersion: number;
  readonly mine: Diff;
  readonly upstream: Diff;
}

/**
 * For a copy of a template (HR's copy of the starter OKR form): what the copy changed since it was
 * made, and what the template changed since — so a new template version can be taken over by hand.
 */
export function UpstreamComparison({ definitionId }: { readonly definitionId: string }) {
  const { t } = useLocale();
  const comparison = useQuery({
    queryKey: ['definition', definitionId, 'upstream'],
    queryFn: () => api<SourceComparison>(`/api/definitions/${encodeURIComponent(definitionId)}/upstream`),
  });
  return (
    <section className="card stack" aria-labelledby="upstream-title">
      <h2 id="upstream-title">{t({ 'zh-CN': '与来源模板比较', en: 'Compared with its template' })}</h2>
      <QueryView query={comparison}>
        {({ sourceId, clonedVersion, sourceHeadVersion, mine, upstream }) => (
          <>
            <p className="muted">
              {t({
                'zh-CN': `复制自 ${sourceId} 第 ${clonedVersion} 版；模板现在是第 ${sourceHeadVersion} 版。`,
                en: `Copied from ${sourceId} version ${clonedVersion}; the template is now at version ${sourceHeadVersion}.`,
              })}{' '}
              <Link href={`/definitions/${encodeURIComponent(sourceId)}/history`}>
                {t({ 'zh-CN': '模板的版本历史', en: 'The template’s versions' })}
              </Link>
            </p>
            <h3>{t({ 'zh-CN': '这份副本改了什么', en: 'What this copy changed' })}</h3>
            <DiffView
              diff={mine}
              same={{ 'zh-CN': '副本还和复制时的模板一样。', en: 'The copy is still as it was copied.' }}
            />
            <h3>{t({ 'zh-CN': '模板之后又改了什么', en: 'What the template changed since' })}</h3>
            <DiffView
              diff={upstream}
              same={{ 'zh-CN': '复制之后模板没有变化。', en: 'The template has not changed since.' }}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
