import { useUsers } from '../api/queries.ts';
import { type Text, useLocale } from '../i18n/locale.tsx';

/** A labelled choice of one person of the directory ("王强 (manager)"); `none` offers no one. */
export function PersonSelect({
  label,
  value,
  onChange,
  none,
  exclude,
}: {
  readonly label: Text;
  readonly value: string;
  readonly onChange: (id: string) => void;
  /** The empty choice's words; without it a person must be chosen. */
  readonly none?: Text;
  /** Someone who cannot be chosen (a person as their own supervisor). */
  readonly exclude?: string;
}) {
  const { t } = useLocale();
  const users = useUsers();
  return (
    <label>
      {t(label)}
      <select required={none === undefined} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t(none ?? { 'zh-CN': '选择人员', en: 'Choose a person' })}</option>
        {(users.data ?? [])
          .filter((user) => user.id !== exclude)
          .map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.id})
            </option>
          ))}
      </select>
    </label>
  );
}
