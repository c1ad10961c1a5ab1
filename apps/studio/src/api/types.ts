// The API's answers, as the server's routes declare them. Type-only imports: the studio talks to the
// server over HTTP and bundles nothing of the storage package.
import type {
  Alert,
  Approval,
  DefinitionInfo,
  DefinitionVersion,
  InboxMessage,
  OrgUnit,
  RecordRevision,
  StoredRecord,
  User,
} from '@formboard/storage';
import type { LocalizedText } from '../i18n/locale.tsx';

export type { Alert, Approval, DefinitionVersion, InboxMessage, OrgUnit, RecordRevision, StoredRecord, User };

/** `GET /api/session`: who is signed in, and the token their writes carry. */
export interface SessionInfo {
  readonly user: User;
  readonly csrfToken: string;
  /** What the person chose for themselves, on every device (their language). */
  readonly preferences: { readonly locale?: 'zh-CN' | 'en' };
}

/** A definition in `GET /api/definitions`, with the title of the version the caller sees. */
export interface DefinitionSummary extends DefinitionInfo {
  readonly title?: LocalizedText;
}

/** `GET /api/definitions/:id`. */
export interface DefinitionWithInfo {
  readonly info: DefinitionInfo;
  readonly version: DefinitionVersion;
}

/** `GET /api/forms/:formId/records`. */
export interface RecordPage {
  readonly total: number;
  readonly records: readonly StoredRecord[];
}
