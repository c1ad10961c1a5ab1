import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { type Text, useLocale } from '../i18n/locale.tsx';
import type { DirectoryNames } from '../records/recordColumns.ts';
import { ErrorNotice } from '../ui/states.tsx';
import { PersonSelect } from './PersonSelect.tsx';

type Role = User['roles'][number];

/** The roles and what each may do, as admins choose them. */
export const ROLES: readonly { readonly role: Role; readonly label: Text }[] = [
  {
    role: 'member',
    label: { 'zh-CN': '员工（填报、看自己的数据）', en: 'Member (fills in, sees own data)' },
  },
  { role: 'manager', label: { 'zh-CN': '主管（看下属的数据）', en: 'Manager (sees their reports’ data)' } },
  {
    role: 'designer',
    label: { 'zh-CN': '设计者（设计表单、看板和流程）', en: 'Designer (forms, boards, workflows)' },
  },
  {
    role: 'admin',
    label: { 'zh-CN': '管理员（人员、令牌、连接、审计）', en: 'Admin (people, tokens, connectors, audit)' },
  },
];

/** One person in the directory: their details, and an editor for roles, supervisor and access. */
export function UserRow({ user, names }: { readonly user: User; readonly names: DirectoryNames }) {
  const { t } = useLocale();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<readonly Role[]>(user.roles);
  const [supervisorId, setSupervisorId] = useState(user.supervisorId ?? '');
  const [disabled, setDisabled] = useState(user.disabled);
  const save = useMutation({
    mutationFn: () =>
      api<void>('/api/users', {
        method: 'PUT',
        body: [{ ...user, roles, supervisorId: supervisorId || null, disabled }],
      }),
    onSuccess: () => {
      setEditing(false);
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const cells = (
    <>
      <td>{user.id}</td>
      <td>{user.name}</td>
      <td>{user.orgUnitId ? (names.orgUnits.get(user.orgUnitId) ?? user.orgUnitId) : ''}</td>
      <td>{user.supervisorId ? (names.users.get(user.supervisorId) ?? user.supervisorId) : ''}</td>
      <td>
        {user.roles.join(', ')}
        {user.disabled ? t({ 'zh-CN': '（已停用）', en: ' (disabled)' }) : ''}
      </td>
    </>
  );
  if (!editing)
    return (
      <tr className={user.disabled ? 'muted' : undefined}>
        {cells}
        <td>
          <button type="button" onClick={() => setEditing(true)}>
            {t({ 'zh-CN': `编辑 ${user.name}`, en: `Edit ${user.name}` })}
          </button>
        </td>
      </tr>
    );
  return (
    <tr>
      {cells}
      <td>
        <fieldset className="stack">
          <legend>{t({ 'zh-CN': `${user.name} 的角色与权限`, en: `${user.name}: roles and access` })}</legend>
          {ROLES.map(({ role, label }) => (
            <label key={role} className="inline">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) =>
                  setRoles(event.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
                }
              />
              {t(label)}
            </label>
          ))}
          <PersonSelect
            label={{ 'zh-CN': '直属上级', en: 'Supervisor' }}
            none={{ 'zh-CN': '无', en: 'None' }}
            value={supervisorId}
            onChange={setSupervisorId}
            exclude={user.id}
          />
          <label className="inline">
            <input
              type="checkbox"
              checked={disabled}
              onChange={(event) => setDisabled(event.target.checked)}
            />
            {t({ 'zh-CN': '停用（不能再登录）', en: 'Disabled (cannot sign in)' })}
          </label>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={save.isPending || roles.length === 0}
              onClick={() => save.mutate()}
            >
              {t({ 'zh-CN': '保存', en: 'Save' })}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t({ 'zh-CN': '取消', en: 'Cancel' })}
            </button>
          </div>
          {save.error ? <ErrorNotice error={save.error} /> : null}
        </fieldset>
      </td>
    </tr>
  );
}
