import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import { pick, type Text, useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';

interface Diff {
  readonly patch: readonly { readonly op: string; readonly path: string; readonly value?: unknown }[];
  readonly summary: readonly Text[];
}

/** What changed between two versions: the readable summary, and the exact JSON Patch on request. */
export function VersionDiff({
  definitionId,
  from,
  to,
}: {
  readonly definitionId: string;
  readonly from: number;
  readonly to: number;
}) {
  const { locale, t } = useLocale();
  const diff = useQuery({
    queryKey: ['definition', definitionId, 'diff', from, to],
    queryFn: () =>
      api<Diff>(`/api/definitions/${encodeURIComponent(definitionId)}/diff${queryString({ from, to })}`),
  });
  return (
    <QueryView query={diff}>
      {({ patch, summary }) => (
        <div className="diff">
          {summary.length === 0 ? (
            <p>{t({ 'zh-CN': '两版内容相同。', en: 'The two versions are the same.' })}</p>
          ) : (
            <ul>
              {summary.map((line, index) => (
                // The summary is ordered and never reordered; its index is its identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={index}>{pick(line, locale)}</li>
              ))}
            </ul>
          )}
          <details>
            <summary>{t({ 'zh-CN': '逐项变更（JSON Patch）', en: 'Every change (JSON Patch)' })}</summary>
            <table className="patch">
              <tbody>
                {patch.map((operation, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a patch is a fixed list
                  <tr key={index}>
                    <td>{operation.op}</td>
                    <td>
                      <code>{operation.path}</code>
                    </td>
                    <td>
                      <code>{operation.value === undefined ? '' : JSON.stringify(operation.value)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
    </QueryView>
  );
}
