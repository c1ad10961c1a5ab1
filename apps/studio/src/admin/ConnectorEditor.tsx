import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { usePublishedForms } from '../designs/usePublishedForms.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { valueFields } from '../records/recordColumns.ts';
import { ErrorNotice } from '../ui/states.tsx';
import { ConnectorSchedule, type Schedule } from './ConnectorSchedule.tsx';
import type { Connector } from './connectorTypes.ts';
import { PersonSelect } from './PersonSelect.tsx';

const ID_PATTERN = '[A-Za-z][A-Za-z0-9_\\-]*';

type Header = { readonly name: string; readonly value: string };

/**
 * Creates or changes an HTTP pull connector: where to fetch (an allowed host), where the rows are in
 * the answer, which value of a row goes to which field of the form, whose records they become, and
 * secret headers (sealed on the server; their values never come back).
 */
export function ConnectorEditor({
  connector,
  onDone,
}: {
  readonly connector?: Connector;
  readonly onDone: () => void;
}) {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const forms = usePublishedForms();
  const [id, setId] = useState(connector?.id ?? '');
  const [name, setName] = useState(connector?.name ?? '');
  const [formId, setFormId] = useState(connector?.formId ?? '');
  const [url, setUrl] = useState(connector?.url ?? '');
  const [method, setMethod] = useState<'GET' | 'POST'>(connector?.method ?? 'GET');
  const [body, setBody] = useState(connector?.body ?? '');
  const [rowsPath, setRowsPath] = useState(connector?.rowsPath ?? '');
  const [fields, setFields] = useState<Readonly<Record<string, string>>>(connector?.fields ?? {});
  const [dedupeField, setDedupeField] = useState(connector?.dedupeField ?? '');
  const [runAs, setRunAs] = useState(connector?.runAs ?? '');
  const [schedule, setSchedule] = useState<Schedule | undefined>(connector?.schedule);
  // undefined: keep the stored secret headers; [] with `clear`: remove them.
  const [headers, setHeaders] = useState<readonly Header[] | undefined>(undefined);
  const form = forms.definitions.find((f) => f.id === formId);
  const mapped = Object.fromEntries(Object.entries(fields).filter(([, source]) => source.trim() !== ''));
  const save = useMutation({
    mutationFn: () =>
      api<Connector>(`/api/connectors/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: {
          name,
          formId,
          url,
          method,
          ...(method === 'POST' && body.trim() ? { body } : {}),
          rowsPath,
          fields: mapped,
          ...(dedupeField && mapped[dedupeField] ? { dedupeField } : {}),
          runAs,
          ...(schedule ? { schedule } : {}),
          ...(headers === undefined
            ? {}
            : {
                secrets:
                  headers.length === 0
                    ? null
                    : Object.fromEntries(
                        headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value]),
                      ),
              }),
        },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['connectors'] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const editHeader = (index: number, change: Partial<Header>) =>
    setHeaders((headers ?? []).map((h, i) => (i === index ? { ...h, ...change } : h)));
  return (
    <form className="card stack connector-editor" onSubmit={submit}>
      <h2>
        {connector
          ? t({ 'zh-CN': `编辑连接：${connector.name}`, en: `Edit ${connector.name}` })
          : t({ 'zh-CN': '新建数据连接', en: 'New connector' })}
      </h2>
      {connector ? null : (
        <label>
          {t({
            'zh-CN': '标识（字母开头，可含数字、- 和 _）',
            en: 'Id (a letter, then letters, digits, - or _)',
          })}
          <input
            required
            pattern={ID_PATTERN}
            maxLength={100}
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
        </label>
      )}
      <label>
        {t({ 'zh-CN': '名称', en: 'Name' })}
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t({ 'zh-CN': '写入哪个表单', en: 'Form the rows become records of' })}
        <select required value={formId} onChange={(e) => setFormId(e.target.value)}>
          <option value="">{t({ 'zh-CN': '选择表单', en: 'Choose a form' })}</option>
          {forms.definitions.map((f) => (
            <option key={f.id} value={f.id}>
              {pick(f.title, locale, f.id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t({ 'zh-CN': '接口地址（必须在允许访问的地址中）', en: 'URL (its host must be allowed)' })}
        <input required type="url" maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        {t({ 'zh-CN': '请求方式', en: 'Method' })}
        <select value={method} onChange={(e) => setMethod(e.target.value as 'GET' | 'POST')}>
          <option value="GET">GET</option>
          <option value="POST">POST</option>
        </select>
      </label>
      {method === 'POST' ? (
        <label>
          {t({ 'zh-CN': '请求内容（JSON）', en: 'Request body (JSON)' })}
          <textarea maxLength={100_000} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
      ) : null}
      <label>
        {t({
          'zh-CN': '数据行在返回结果中的位置（如 data.items；留空表示整个结果就是数组）',
          en: 'Where the rows are in the answer (e.g. data.items; empty: the answer is the array)',
        })}
        <input maxLength={300} value={rowsPath} onChange={(e) => setRowsPath(e.target.value)} />
      </label>
      {form ? (
        <fieldset>
          <legend>
            {t({
              'zh-CN': '字段对应：每个字段取数据行里的哪一项',
              en: 'Field mapping: which value of a row goes to each field',
            })}
          </legend>
          {valueFields(form, locale).map((column) => (
            <label key={column.path}>
              {column.title}
              <input
                maxLength={300}
                value={fields[column.path] ?? ''}
                placeholder={t({ 'zh-CN': '不导入', en: 'not imported' })}
                onChange={(e) => setFields({ ...fields, [column.path]: e.target.value })}
              />
            </label>
          ))}
          <label>
            {t({
              'zh-CN': '按哪个字段识别同一条记录（有则更新，无则新增）',
              en: 'Field that identifies a record (update when known, else add)',
            })}
            <select value={dedupeField} onChange={(e) => setDedupeField(e.target.value)}>
              <option value="">{t({ 'zh-CN': '不识别，每次都新增', en: 'None: always add' })}</option>
              {valueFields(form, locale)
                .filter((column) => mapped[column.path])
                .map((column) => (
                  <option key={column.path} value={column.path}>
                    {column.title}
                  </option>
                ))}
            </select>
          </label>
        </fieldset>
      ) : null}
      <PersonSelect
        label={{ 'zh-CN': '记录归属于（以此人身份写入）', en: 'Records belong to (written as this person)' }}
        value={runAs}
        onChange={setRunAs}
      />
      <ConnectorSchedule value={schedule} onChange={setSchedule} />
      <fieldset>
        <legend>
          {t({
            'zh-CN': '密钥请求头（加密保存，不再显示）',
            en: 'Secret headers (sealed; never shown again)',
          })}
        </legend>
        {headers === undefined ? (
          <div className="actions">
            <span className="muted">
              {connector?.secretHeaders.length
                ? t({
                    'zh-CN': `已保存：${connector.secretHeaders.join('、')}`,
                    en: `Stored: ${connector.secretHeaders.join(', ')}`,
                  })
                : t({ 'zh-CN': '没有密钥', en: 'None' })}
            </span>
            <button type="button" onClick={() => setHeaders([{ name: 'Authorization', value: '' }])}>
              {t({ 'zh-CN': '设置新的密钥', en: 'Set new secrets' })}
            </button>
          </div>
        ) : (
          <>
            {headers.map((header, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their order is their identity.
              <div key={index} className="actions">
                <label>
                  {t({ 'zh-CN': `请求头 ${index + 1} 名称`, en: `Header ${index + 1} name` })}
                  <input
                    maxLength={100}
                    value={header.name}
                    onChange={(e) => editHeader(index, { name: e.target.value })}
                  />
                </label>
                <label>
                  {t({ 'zh-CN': `请求头 ${index + 1} 值`, en: `Header ${index + 1} value` })}
                  <input
                    type="password"
                    autoComplete="off"
                    maxLength={10_000}
                    value={header.value}
                    onChange={(e) => editHeader(index, { value: e.target.value })}
                  />
                </label>
              </div>
            ))}
            <div className="actions">
              <button type="button" onClick={() => setHeaders([...headers, { name: '', value: '' }])}>
                {t({ 'zh-CN': '再加一个请求头', en: 'Add a header' })}
              </button>
              <button type="button" onClick={() => setHeaders([])}>
                {t({ 'zh-CN': '不使用密钥', en: 'No secrets' })}
              </button>
            </div>
          </>
        )}
      </fieldset>
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={save.isPending || Object.keys(mapped).length === 0}
        >
          {t({ 'zh-CN': '保存连接', en: 'Save connector' })}
        </button>
        <button type="button" onClick={onDone}>
          {t({ 'zh-CN': '取消', en: 'Cancel' })}
        </button>
      </div>
      {save.error ? <ErrorNotice error={save.error} /> : null}
    </form>
  );
}
