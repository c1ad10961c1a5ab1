import type { FormAccess } from '@formboard/schema';
import type { RecordWriter, Store, StoredRecord, User } from '@formboard/storage';
import type { FastifyRequest } from 'fastify';
import { requireUser } from '../auth/principal.ts';
import { ApiError, notFound } from '../http/ApiError.ts';
import { readPath, writePath } from '../records/dataPaths.ts';
import { formAccessOf } from './formAccess.ts';
import { hiddenFieldsOf, redact } from './hiddenFields.ts';
import { canChange, canSee, recordScopeOf } from './recordScope.ts';

/** What one caller may do with one form's records: its access rules and the fields hidden from them. */
export interface FormGuard {
  readonly user: User;
  readonly access: FormAccess | undefined;
  readonly hidden: ReadonlySet<string>;
}

const missingRecord = (id: string) => notFound({ 'zh-CN': `记录 ${id}`, en: `record ${id}` });
const notYours = () =>
  new ApiError(403, 'forbidden', {
    'zh-CN': '只有记录的填写人或管理员可以修改它',
    en: "only the record's owner or an admin can change it",
  });

/** The caller's guard for a form they may see (published, or any state for designers), else 404. */
export async function guardForForm(
  store: Store,
  request: FastifyRequest,
  formId: string,
): Promise<FormGuard> {
  const { user, capabilities } = requireUser(request);
  const info = await store.definitions.getInfo(formId).catch(() => undefined);
  if (info?.kind !== 'form' || (!capabilities.has('definitions.write') && info.state !== 'published'))
    throw notFound({ 'zh-CN': `表单 ${formId}`, en: `form ${formId}` });
  const access = await formAccessOf(store, formId);
  return { user, access, hidden: hiddenFieldsOf(user, access) };
}

/** A live record the caller may see, with their guard for its form; 404 otherwise. */
export async function visibleRecord(
  store: Store,
  request: FastifyRequest,
  id: string,
): Promise<{ record: StoredRecord; guard: FormGuard }> {
  const { user } = requireUser(request);
  const record = await store.records.get(id).catch(() => undefined);
  if (!record || record.deletedAt) throw missingRecord(id);
  const access = await formAccessOf(store, record.formId);
  if (!(await canSee(store, user, record, access))) throw missingRecord(id);
  return { record, guard: { user, access, hidden: hiddenFieldsOf(user, access) } };
}

/** A record the caller may change (its owner, or someone who sees all of the form's records); 403 if only visible. */
export async function changeableRecord(
  store: Store,
  request: FastifyRequest,
  id: string,
): Promise<{ record: StoredRecord; guard: FormGuard }> {
  const found = await visibleRecord(store, request, id);
  if (!canChange(found.guard.user, found.record, found.guard.access)) throw notYours();
  return found;
}

/** May the guard's user change this record of the form? Throws 404 / 403 like the routes do. */
export async function requireChangeable(store: Store, guard: FormGuard, record: StoredRecord): Promise<void> {
  if (!(await canSee(store, guard.user, record, guard.access))) throw missingRecord(record.id);
  if (!canChange(guard.user, record, guard.access)) throw notYours();
}

/** Who writes and owns a new record: the caller, or — for those who see all the form's records — the named owner. */
export async function writerFor(
  store: Store,
  guard: FormGuard,
  ownerId: string | undefined,
): Promise<RecordWriter> {
  const owner = ownerId ?? guard.user.id;
  if (owner !== guard.user.id && recordScopeOf(guard.user, guard.access) !== 'all')
    throw new ApiError(403, 'forbidden', {
      'zh-CN': '只能以自己的名义填写记录',
      en: 'you can enter records only in your own name',
    });
  const person = owner === guard.user.id ? guard.user : await store.people.getUser(owner);
  return { actor: guard.user.id, ownerId: owner, orgUnitId: person.orgUnitId };
}

/** A record as the caller may see it: hidden fields removed. */
export function shown<T extends { readonly data: Readonly<Record<string, unknown>> }>(
  item: T,
  guard: FormGuard,
): T {
  return guard.hidden.size === 0 ? item : { ...item, data: redact(item.data, guard.hidden) };
}

/** New data for a record, keeping the hidden fields' stored values (the caller never saw them). */
export function keepHidden(
  stored: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
  guard: FormGuard,
): Record<string, unknown> {
  if (guard.hidden.size === 0) return data;
  const merged = structuredClone(data);
  for (const path of guard.hidden) {
    const value = readPath(stored, path);
    if (value !== undefined) writePath(merged, path, value);
  }
  return merged;
}
