import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, queryString } from '../api/client.ts';
import { useUsers } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import type { ImportIssue } from '../imports/importApi.ts';
import { uploadOf } from '../imports/importApi.ts';
import { useDirectoryNames } from '../records/useDirectoryNames.ts';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';
import { AdminNav } from './AdminNav.tsx';
import { UserRow } from './UserRow.tsx';

interface OrgChartReport {
  readonly units: number;
  readonly users: number;
  readonly issues: readonly ImportIssue[];
  readonly saved: boolean;
}

/** Everyone in the directory (roles, supervisor and access editable per person), and the org chart import (check first, then save). */
export function PeoplePage() {
  const { t } = useLocale();
  const users = useUsers();
  const names = useDirectoryNames();
  return (
    <section aria-labelledby="people-title">
      <AdminNav />
      <h1 id="people-title">{t({ 'zh-CN': '人员与组织', en: 'People and org chart' })}</h1>
      <OrgChartImport />
      <QueryView query={users}>
        {(list) => (
          <TableScroll label={{ 'zh-CN': '人员', en: 'People' }}>
            <table className="records">
              <thead>
                <tr>
                  <th scope="col">{t({ 'zh-CN': '工号', en: 'Id' })}</th>
                  <th scope="col">{t({ 'zh-CN': '姓名', en: 'Name' })}</th>
                  <th scope="col">{t({ 'zh-CN': '部门', en: 'Department' })}</th>
                  <th scope="col">{t({ 'zh-CN': '直属上级', en: 'Supervisor' })}</th>
                  <th scope="col">{t({ 'zh-CN': '角色', en: 'Roles' })}</th>
                  <th scope="col">{t({ 'zh-CN': '操作', en: 'Actions' })}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => (
                  <UserRow key={user.id} user={user} names={names} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </section>
  );
}

function OrgChartImport() {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const [file, setFile] = useState<File>();
  const run = useMutation({
    mutationFn: (mode: 'dryRun' | 'commit') => {
      if (!file) throw new Error('no file');
      return api<OrgChartReport>(`/api/people/import${queryString({ mode })}`, {
        method: 'POST',
        file: uploadOf(file),
      });
    },
    onSuccess: (report) => {
      if (report.saved) {
        void client.invalidateQueries({ queryKey: ['users'] });
        void client.invalidateQueries({ queryKey: ['org-units'] });
      }
    },
  });
  const check = (event: FormEvent) => {
    event.preventDefault();
    run.mutate('dryRun');
  };
  const report = run.data;
  return (
    <form className="card stack" onSubmit={check}>
      <h2>{t({ 'zh-CN': '导入组织架构', en: 'Import the org chart' })}</h2>
      <p className="muted">
        {t({
          'zh-CN': '每人一行：工号、姓名、邮箱、部门（如“一厂/装配一线”）、直属上级（工号或姓名）、角色。',
          en: 'One row per person: id, name, email, department (e.g. "Plant 1/Line 1"), supervisor (id or name), roles.',
        })}
      </p>
      <label>
        {t({ 'zh-CN': '选择 Excel 或 CSV 文件', en: 'Choose an Excel or CSV file' })}
        <input
          type="file"
          accept=".xlsx,.csv"
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            run.reset();
          }}
        />
      </label>
      <div className="actions">
        <button type="submit" disabled={!file || run.isPending}>
          {t({ 'zh-CN': '检查（不写入）', en: 'Check (writes nothing)' })}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!report || report.saved || report.issues.length > 0 || run.isPending}
          onClick={() => run.mutate('commit')}
        >
          {t({ 'zh-CN': '保存', en: 'Save' })}
        </button>
      </div>
      {run.error ? <ErrorNotice error={run.error} /> : null}
      {report ? (
        <div role="status">
          <p className={report.issues.length > 0 ? 'notice warning' : 'notice success'}>
            {report.saved
              ? t({
                  'zh-CN': `已保存 ${report.users} 人、${report.units} 个部门。`,
                  en: `Saved ${report.users} people in ${report.units} units.`,
                })
              : t({
                  'zh-CN': `${report.users} 人、${report.units} 个部门，${report.issues.length} 个问题。`,
                  en: `${report.users} people in ${report.units} units, ${report.issues.length} problems.`,
                })}
          </p>
          {report.issues.length > 0 ? (
            <ul>
              {report.issues.map((issue, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server's order is the identity
                <li key={index}>
                  {t({ 'zh-CN': `第 ${issue.row} 行`, en: `Row ${issue.row}` })}
                  {issue.column ? ` · ${issue.column}` : ''}: {issue.message[locale]}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
