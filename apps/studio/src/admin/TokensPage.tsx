import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { type Text, useLocale } from '../i18n/locale.tsx';
import { useDirectoryNames } from '../records/useDirectoryNames.ts';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import { AdminNav } from './AdminNav.tsx';
import { PersonSelect } from './PersonSelect.tsx';

interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

const SCOPES: readonly { readonly scope: string; readonly label: Text }[] = [
  {
    scope: 'records:write',
    label: { 'zh-CN': '读写记录（ERP/MES 推送数据）', en: 'Read and write records (ERP/MES pushes)' },
  },
  { scope: 'records:read', label: { 'zh-CN': '读取记录', en: 'Read records' } },
  { scope: 'dashboards:read', label: { 'zh-CN': '读取看板数据', en: 'Read board data' } },
  { scope: 'definitions:read', label: { 'zh-CN': '读取表单定义', en: 'Read definitions' } },
  { scope: 'definitions:write', label: { 'zh-CN': '修改表单定义', en: 'Change definitions' } },
  { scope: 'admin', label: { 'zh-CN': '管理（所有权限）', en: 'Admin (everything)' } },
];

/** API tokens for integrations: create (the secret is shown once), list, revoke. */
export function TokensPage() {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const names = useDirectoryNames();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api<ApiToken[]>('/api/tokens') });
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [scopes, setScopes] = useState<readonly string[]>(['records:write']);
  const create = useMutation({
    mutationFn: () =>
      api<{ token: ApiToken; secret: string }>('/api/tokens', {
        method: 'POST',
        body: { name, userId, scopes },
      }),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<void>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="tokens-title">
      <AdminNav />
      <h1 id="tokens-title">{t({ 'zh-CN': 'API 令牌', en: 'API tokens' })}</h1>
      <form className="card stack" onSubmit={submit}>
        <h2>{t({ 'zh-CN': '新建令牌', en: 'New token' })}</h2>
        <label>
          {t({ 'zh-CN': '用途', en: 'Purpose' })}
          <input required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <PersonSelect
          label={{ 'zh-CN': '以谁的身份', en: 'Acting as' }}
          value={userId}
          onChange={setUserId}
        />
        <fieldset>
          <legend>{t({ 'zh-CN': '权限范围', en: 'Scopes' })}</legend>
          {SCOPES.map(({ scope, label }) => (
            <label key={scope} className="inline">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) =>
                  setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
                }
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={create.isPending || scopes.length === 0}>
          {t({ 'zh-CN': '创建', en: 'Create' })}
        </button>
        {create.error ? <ErrorNotice error={create.error} /> : null}
        {create.data ? (
          <div className="notice success" role="status">
            <p>
              {t({
                'zh-CN': '令牌已创建。请现在复制保存，它只显示这一次：',
                en: 'Token created. Copy it now; it is shown only this once:',
              })}
            </p>
            <code className="secret">{create.data.secret}</code>
          </div>
        ) : null}
      </form>
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      <QueryView query={tokens}>
        {(list) => (
          <table className="records">
            <thead>
              <tr>
                <th scope="col">{t({ 'zh-CN': '用途', en: 'Purpose' })}</th>
                <th scope="col">{t({ 'zh-CN': '身份', en: 'Acting as' })}</th>
                <th scope="col">{t({ 'zh-CN': '范围', en: 'Scopes' })}</th>
                <th scope="col">{t({ 'zh-CN': '创建时间', en: 'Created' })}</th>
                <th scope="col">{t({ 'zh-CN': '状态', en: 'State' })}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{names.users.get(token.userId) ?? token.userId}</td>
                  <td>{token.scopes.join(', ')}</td>
                  <td>{new Date(token.createdAt).toLocaleString(locale)}</td>
                  <td>
                    {token.revokedAt ? (
                      t({ 'zh-CN': '已吊销', en: 'Revoked' })
                    ) : (
                      <button
                        type="button"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        {t({ 'zh-CN': '吊销', en: 'Revoke' })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
