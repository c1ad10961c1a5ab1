import { useQuery } from '@tanstack/react-query';
import { api, queryString } from './client.ts';
import type {
  Alert,
  Approval,
  DefinitionSummary,
  DefinitionWithInfo,
  InboxMessage,
  OrgUnit,
  RecordPage,
  RecordRevision,
  StoredRecord,
  User,
} from './types.ts';

// One hook per resource the pages read; react-query caches them, shares them between pages and gives
// every page the same loading / error / retry states.

/** Definitions of a kind the caller may see (designers: all; others: published). */
export const useDefinitions = (kind: 'form' | 'dashboard' | 'workflow') =>
  useQuery({
    queryKey: ['definitions', kind],
    queryFn: () => api<DefinitionSummary[]>(`/api/definitions${queryString({ kind })}`),
  });

/** One definition: the head for designers (or `version`), the published version for others. */
export const useDefinition = (id: string, version?: number) =>
  useQuery({
    queryKey: ['definition', id, version ?? 'current'],
    queryFn: () =>
      api<DefinitionWithInfo>(`/api/definitions/${encodeURIComponent(id)}${queryString({ version })}`),
  });

/** The options of a records list: a formula filter, sort keys, a page. */
export interface RecordListOptions {
  readonly filter?: string;
  readonly sort?: string;
  readonly offset?: number;
  readonly limit?: number;
}

/** A page of a form's records within the caller's scope. */
export const useRecords = (formId: string, options: RecordListOptions = {}) =>
  useQuery({
    queryKey: ['records', formId, options],
    queryFn: () =>
      api<RecordPage>(`/api/forms/${encodeURIComponent(formId)}/records${queryString({ ...options })}`),
    placeholderData: (previous) => previous,
  });

/** One record. */
export const useRecord = (id: string) =>
  useQuery({
    queryKey: ['record', id],
    queryFn: () => api<StoredRecord>(`/api/records/${encodeURIComponent(id)}`),
  });

/** Every revision of a record, oldest first. */
export const useRecordHistory = (id: string) =>
  useQuery({
    queryKey: ['record', id, 'history'],
    queryFn: () => api<RecordRevision[]>(`/api/records/${encodeURIComponent(id)}/history`),
  });

/** Everyone in the directory (for names and pickers). */
export const useUsers = () =>
  useQuery({ queryKey: ['users'], queryFn: () => api<User[]>('/api/users'), staleTime: 60_000 });

/** Every org unit. */
export const useOrgUnits = () =>
  useQuery({ queryKey: ['org-units'], queryFn: () => api<OrgUnit[]>('/api/org-units'), staleTime: 60_000 });

/** The caller's workflow messages, newest first. */
export const useInbox = () =>
  useQuery({ queryKey: ['inbox'], queryFn: () => api<InboxMessage[]>('/api/inbox') });

/** Alerts assigned to the caller (admins: all). */
export const useAlerts = () => useQuery({ queryKey: ['alerts'], queryFn: () => api<Alert[]>('/api/alerts') });

/** Approval tasks waiting for the caller. */
export const useApprovals = () =>
  useQuery({ queryKey: ['approvals'], queryFn: () => api<Approval[]>('/api/approvals') });
