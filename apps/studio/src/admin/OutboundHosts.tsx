import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import type { AllowedHost } from './connectorTypes.ts';

/** The outbound allow-list: connectors and workflow robots reach only these hosts. */
export function OutboundHosts() {
  const { t } = useLocale();
  const client = useQueryClient();
  const hosts = useQuery({
    queryKey: ['outbound-hosts'],
    queryFn: () => api<AllowedHost[]>('/api/settings/outbound-hosts'),
  });
  const save = useMutation({
    mutationFn: (next: readonly AllowedHost[]) =>
      api<AllowedHost[]>('/api/settings/outbound-hosts', { method: 'PUT', body: next }),
    onSuccess: (saved) => client.setQueryData(['outbound-hosts'], saved),
  });
  const [host, setHost] = useState('');
  const [allowPrivate, setAllowPrivate] = useState(false);
  const add = (event: FormEvent) => {
    event.preventDefault();
    const entry = { host: host.trim(), ...(allowPrivate ? { allowPrivate } : {}) };
    save.mutate([...(hosts.data ?? []).filter((h) => h.host !== entry.host), entry], {
      onSuccess: () => {
        setHost('');
        setAllowPrivate(false);
      },
    });
  };
  return (
    <section className="card stack" aria-labelledby="hosts-title">
      <h2 id="hosts-title">
        {t({ 'zh-CN': '允许访问的外部地址', en: 'Hosts outbound requests may reach' })}
      </h2>
      <p className="muted">
        {t({
          'zh-CN':
            '数据连接和流程里的机器人只能访问这里列出的地址。内网地址（如 ERP 服务器）需要勾选“允许内网地址”。',
          en: 'Connectors and workflow robots reach only the hosts listed here. Internal addresses (an ERP server, say) need "allow private addresses".',
        })}
      </p>
      <QueryView query={hosts}>
        {(list) =>
          list.length === 0 ? (
            <p>{t({ 'zh-CN': '还没有允许任何外部地址。', en: 'No host is allowed yet.' })}</p>
          ) : (
            <ul className="items">
              {list.map((entry) => (
                <li key={entry.host} className="actions">
                  <code>{entry.host}</code>
                  {entry.allowPrivate ? (
                    <span className="muted">
                      {t({ 'zh-CN': '（允许内网地址）', en: '(private addresses allowed)' })}
                    </span>
                  ) : null}
                  <button
                    type="button"
                    disabled={save.isPending}
                    onClick={() => save.mutate(list.filter((h) => h.host !== entry.host))}
                  >
                    {t({ 'zh-CN': `移除 ${entry.host}`, en: `Remove ${entry.host}` })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <form className="actions" onSubmit={add}>
        <label>
          {t({
            'zh-CN': '地址（域名或 IP，可写 *.example.com）',
            en: 'Host (name or IP; *.example.com allowed)',
          })}
          <input
            required
            maxLength={253}
            pattern="(\*\.)?[A-Za-z0-9.:\[\]\-]+"
            value={host}
            onChange={(event) => setHost(event.target.value)}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={allowPrivate}
            onChange={(event) => setAllowPrivate(event.target.checked)}
          />
          {t({ 'zh-CN': '允许内网地址', en: 'Allow private addresses' })}
        </label>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t({ 'zh-CN': '添加', en: 'Add' })}
        </button>
      </form>
      {save.error ? <ErrorNotice error={save.error} /> : null}
    </section>
  );
}
