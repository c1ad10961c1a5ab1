import type { ReactNode } from 'react';
import { ApiFailure } from '../api/client.ts';
import { type Text, useLocale } from '../i18n/locale.tsx';

/** A loading placeholder that screen readers announce. */
export function Loading({ label }: { readonly label?: Text }) {
  const { t } = useLocale();
  return (
    <p className="state state-loading" role="status" aria-busy="true">
      {t(label ?? { 'zh-CN': '正在加载…', en: 'Loading…' })}
    </p>
  );
}

/** Nothing to show yet, and what to do about it. */
export function Empty({ children }: { readonly children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

const HINTS: Record<number, Text> = {
  0: { 'zh-CN': '检查网络连接后点“重试”。', en: 'Check the network connection, then retry.' },
  401: {
    'zh-CN': '登录已过期，请刷新页面重新登录。',
    en: 'Your sign-in expired; reload the page to sign in again.',
  },
  403: { 'zh-CN': '如需访问，请联系管理员开通权限。', en: 'Ask an administrator for access.' },
  404: { 'zh-CN': '它可能已被删除或归档。', en: 'It may have been deleted or archived.' },
};

/** An error with the server's message, a hint on what to do, and a retry button when one helps. */
export function ErrorNotice({ error, retry }: { readonly error: unknown; readonly retry?: () => void }) {
  const { t } = useLocale();
  const failure = error instanceof ApiFailure ? error : undefined;
  const hint = HINTS[failure?.status ?? -1] ?? {
    'zh-CN': '稍后重试；如果问题一直存在，请把请求编号告诉管理员。',
    en: 'Try again later; if it keeps happening, give the request id to an administrator.',
  };
  return (
    <div className="state state-error" role="alert">
      <p>{failure?.message ?? (error instanceof Error ? error.message : String(error))}</p>
      <p className="hint">
        {t(hint)}
        {failure?.requestId ? ` (${failure.requestId})` : ''}
      </p>
      {retry ? (
        <button type="button" onClick={retry}>
          {t({ 'zh-CN': '重试', en: 'Retry' })}
        </button>
      ) : null}
    </div>
  );
}

/** Renders a query's states: loading, error (with retry) or its data. */
export function QueryView<T>({
  query,
  children,
}: {
  readonly query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  readonly children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorNotice error={query.error} retry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}
