import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import { pick, type Text, useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';

/** A change between two definitions: its readable summary, and the exact JSON Patch on request. */
export interface Diff {
  readonly patch: readonly { readonly op: string; readonly path: string; readonly value?: unknown }[];
  readonly summary: readonly Text[];
}

/** Shows a diff: one line per change, the JSON Patch folded away; `same` when nothing changed. */
export function DiffView({ diff, same }: { readonly diff: Diff; readonly same: Text }) {
  const { locale, t } = useLocale();
  return (
    <div className="diff">
      {diff.summary.length === 0 ? (
        <p>{t(same)}</p>
      ) : (
        <ul>
          {diff.summary.map((line, index) => (
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
            {diff.patch.map((operation, index) => (
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
  );
}

/** What changed between two versions of a definition. */
export function VersionDiff({
  definitionId,
  from,
  to,
}: {
  readonly definitionId: string;
  readonly from: number;
  readonly to: number;
}) {
  const diff = useQuery({
    queryKey: ['definition', definitionId, 'diff', from, to],
    queryFn: () =>
      api<Diff>(`/api/definitions/${encodeURIComponent(definitionId)}/diff${queryString({ from, to })}`),
  });
  return (
    <QueryView query={diff}>
      {(loaded) => (
        <DiffView diff={loaded} same={{ 'zh-CN': '两版内容相同。', en: 'The two versions are the same.' }} />
      )}
    </QueryView>
  );
}
