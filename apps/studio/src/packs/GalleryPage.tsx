import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api, queryString } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { type LocalizedText, pick, useLocale } from '../i18n/locale.tsx';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import { InstallProgress } from './InstallProgress.tsx';

interface AvailablePack {
  readonly name: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText | null;
  readonly forms: number;
  readonly dashboards: number;
  readonly workflows: number;
  readonly sampleData: boolean;
  readonly upgradeNotes: readonly { readonly version: string; readonly notes: LocalizedText }[];
}

interface InstalledPack {
  readonly name: string;
  readonly version: string;
  readonly state: 'installed' | 'uninstalled';
  readonly definitions: Readonly<Record<string, unknown>>;
}

interface InstallAnswer {
  readonly report: {
    readonly name: string;
    readonly from: string | null;
    readonly to: string;
    readonly definitions: readonly {
      readonly id: string;
      readonly kind: string;
      readonly outcome: string;
      readonly message: string;
    }[];
  };
  readonly sampleData?: { readonly people: number; readonly records: Readonly<Record<string, number>> };
}

/** The template gallery: packs shipped with the server and uploaded archives; install, upgrade, uninstall. */
export function GalleryPage({ user }: { readonly user: User }) {
  const { t } = useLocale();
  const client = useQueryClient();
  const packs = useQuery({
    queryKey: ['packs'],
    queryFn: () => api<{ available: AvailablePack[]; installed: InstalledPack[] }>('/api/packs'),
  });
  const [answer, setAnswer] = useState<InstallAnswer>();
  const refresh = (result: InstallAnswer) => {
    setAnswer(result);
    for (const key of ['packs', 'definitions']) void client.invalidateQueries({ queryKey: [key] });
  };
  const install = useMutation({
    mutationFn: ({ name, sampleData }: { name: string; sampleData: boolean }) =>
      api<InstallAnswer>(`/api/packs/${encodeURIComponent(name)}/install`, {
        method: 'POST',
        body: { sampleData },
      }),
    onSuccess: refresh,
  });
  const uninstall = useMutation({
    mutationFn: (name: string) =>
      api<{ archived: string[] }>(`/api/packs/${encodeURIComponent(name)}/uninstall`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['packs'] }),
  });
  const busy = install.isPending || uninstall.isPending;
  return (
    <section aria-labelledby="gallery-title" className="gallery">
      <header className="page-header">
        <h1 id="gallery-title">{t({ 'zh-CN': '模板库', en: 'Templates' })}</h1>
      </header>
      {install.error ? <ErrorNotice error={install.error} /> : null}
      {uninstall.error ? <ErrorNotice error={uninstall.error} /> : null}
      {answer ? <InstallResult answer={answer} /> : null}
      {install.isPending ? <InstallProgress sampleData={install.variables?.sampleData ?? false} /> : null}
      {uninstall.isPending ? (
        <p className="notice" role="status" aria-busy="true">
          {t({ 'zh-CN': '正在卸载（记录会保留）…', en: 'Uninstalling (records are kept)…' })}
        </p>
      ) : null}
      <QueryView query={packs}>
        {({ available, installed }) => (
          <ul className="cards">
            {available.map((pack) => (
              <PackCard
                key={pack.name}
                pack={pack}
                installed={installed.find((i) => i.name === pack.name && i.state === 'installed')}
                isAdmin={user.roles.includes('admin')}
                busy={busy}
                onInstall={(sampleData) => install.mutate({ name: pack.name, sampleData })}
                onUninstall={() => uninstall.mutate(pack.name)}
              />
            ))}
          </ul>
        )}
      </QueryView>
      <UploadPack onInstalled={refresh} />
    </section>
  );
}

interface CardProps {
  readonly pack: AvailablePack;
  readonly installed: InstalledPack | undefined;
  readonly isAdmin: boolean;
  readonly busy: boolean;
  readonly onInstall: (sampleData: boolean) => void;
  readonly onUninstall: () => void;
}

function PackCard({ pack, installed, isAdmin, busy, onInstall, onUninstall }: CardProps) {
  const { locale, t } = useLocale();
  const [sampleData, setSampleData] = useState(false);
  const upgrade = installed && installed.version !== pack.version;
  const notes = pack.upgradeNotes.filter((note) => !installed || note.version !== installed.version);
  return (
    <li className="card stack">
      <h2>{pick(pack.title, locale, pack.name)}</h2>
      <p className="muted">
        {pack.name} · {pack.version}
        {installed
          ? ` · ${t({ 'zh-CN': `已安装 ${installed.version}`, en: `installed ${installed.version}` })}`
          : ''}
      </p>
      {pack.description ? <p>{pick(pack.description, locale)}</p> : null}
      <p className="muted">
        {t({
          'zh-CN': `${pack.forms} 个表单 · ${pack.dashboards} 个看板 · ${pack.workflows} 个流程`,
          en: `${pack.forms} forms · ${pack.dashboards} boards · ${pack.workflows} workflows`,
        })}
      </p>
      {upgrade && notes.length > 0 ? (
        <details>
          <summary>{t({ 'zh-CN': '升级说明', en: 'Upgrade notes' })}</summary>
          <ul>
            {notes.map((note) => (
              <li key={note.version}>
                {note.version}: {pick(note.notes, locale)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {pack.sampleData && isAdmin && !installed ? (
        <label className="inline">
          <input
            type="checkbox"
            checked={sampleData}
            onChange={(event) => setSampleData(event.target.checked)}
          />
          {t({
            'zh-CN': '同时载入示例公司数据（人员和记录）',
            en: 'Also load the sample company (people and records)',
          })}
        </label>
      ) : null}
      <div className="actions">
        {!installed || upgrade ? (
          <button type="button" className="primary" disabled={busy} onClick={() => onInstall(sampleData)}>
            {upgrade
              ? t({ 'zh-CN': `升级到 ${pack.version}`, en: `Upgrade to ${pack.version}` })
              : t({ 'zh-CN': '安装', en: 'Install' })}
          </button>
        ) : null}
        {installed ? (
          <button type="button" disabled={busy} onClick={onUninstall}>
            {t({ 'zh-CN': '卸载（记录保留）', en: 'Uninstall (records kept)' })}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function InstallResult({ answer }: { readonly answer: InstallAnswer }) {
  const { t } = useLocale();
  const { report, sampleData } = answer;
  const records = sampleData ? Object.values(sampleData.records).reduce((sum, n) => sum + n, 0) : 0;
  return (
    <div className="notice success" role="status">
      <p>
        {report.from
          ? t({
              'zh-CN': `${report.name} 已从 ${report.from} 升级到 ${report.to}：`,
              en: `${report.name} upgraded from ${report.from} to ${report.to}:`,
            })
          : t({
              'zh-CN': `${report.name} ${report.to} 已安装：`,
              en: `${report.name} ${report.to} installed:`,
            })}
      </p>
      <ul>
        {report.definitions.map((definition) => (
          <li key={definition.id}>
            {definition.kind === 'form' ? (
              <Link href={`/forms/${encodeURIComponent(definition.id)}/records`}>{definition.id}</Link>
            ) : (
              definition.id
            )}
            : {definition.message}
          </li>
        ))}
      </ul>
      {sampleData ? (
        <p>
          {t({
            'zh-CN': `示例数据：${sampleData.people} 人，${records} 条记录。`,
            en: `Sample data: ${sampleData.people} people, ${records} records.`,
          })}
        </p>
      ) : null}
    </div>
  );
}

/** Install or upgrade from a pack archive a consultant sent (`formboard pack build`), checked by its SHA-256. */
function UploadPack({ onInstalled }: { readonly onInstalled: (answer: InstallAnswer) => void }) {
  const { t } = useLocale();
  const [file, setFile] = useState<File>();
  const [sha256, setSha256] = useState('');
  const upload = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('no file');
      const query = queryString({ sha256: sha256.trim() || undefined });
      return api<InstallAnswer>(`/api/packs/upload${query}`, {
        method: 'POST',
        file: { data: file, type: 'application/vnd.formboard.pack' },
      });
    },
    onSuccess: onInstalled,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit}>
      <h2>{t({ 'zh-CN': '上传模板包', en: 'Upload a pack' })}</h2>
      <label>
        {t({ 'zh-CN': '模板包文件（.fbpack）', en: 'Pack archive (.fbpack)' })}
        <input type="file" accept=".fbpack" onChange={(event) => setFile(event.target.files?.[0])} />
      </label>
      <label>
        {t({
          'zh-CN': 'SHA-256 校验和（顾问随文件提供，可选）',
          en: 'SHA-256 checksum (sent with the file; optional)',
        })}
        <input value={sha256} pattern="[0-9a-fA-F]{64}" onChange={(event) => setSha256(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!file || upload.isPending}>
        {t({ 'zh-CN': '上传并安装', en: 'Upload and install' })}
      </button>
      {upload.error ? <ErrorNotice error={upload.error} /> : null}
    </form>
  );
}
