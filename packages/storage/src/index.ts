export type { ApiToken, Credential, Session } from './accounts/AccountStore.ts';
export { AccountStore } from './accounts/AccountStore.ts';
export type { AuditEntry, AuditInput, AuditVerification } from './audit/AuditLog.ts';
export { canonicalJson, sha256 } from './canonicalJson.ts';
export type { ConnectorRun, StoredConnector } from './connectors/ConnectorStore.ts';
export { ConnectorStore } from './connectors/ConnectorStore.ts';
export { DefinitionStore } from './definitions/DefinitionStore.ts';
export type { ContentDiff } from './definitions/diffContents.ts';
export { diffContents } from './definitions/diffContents.ts';
export { summarizePatch } from './definitions/diffSummary.ts';
export type {
  ChangeInfo,
  DefinitionDiff,
  DefinitionInfo,
  DefinitionState,
  DefinitionVersion,
  SourceComparison,
} from './definitions/types.ts';
export type { Dialect } from './dialect/Dialect.ts';
export { InvalidDefinitionError, StoreError, VersionConflictError } from './errors.ts';
export type { SavedImportMapping } from './imports/ImportMappingStore.ts';
export { ImportMappingStore } from './imports/ImportMappingStore.ts';
export type { FormLayout, LayoutColumn } from './layout/FormLayout.ts';
export type { OrgUnit, Role, User } from './people/PeopleStore.ts';
export { PeopleStore } from './people/PeopleStore.ts';
export type { CompiledQuery, QueryFilters } from './queries/compileQuery.ts';
export { compileQuery } from './queries/compileQuery.ts';
export { PREVIOUS } from './queries/previousPeriod.ts';
export type { QueryAnswer, QueryRequest, QueryRow } from './queries/QueryRunner.ts';
export { QueryRunner } from './queries/QueryRunner.ts';
export type { DeriveContext, DeriveRecord, RecordDeriver } from './records/deriveRecord.ts';
export type { RecordWriter } from './records/RecordStore.ts';
export { InvalidRecordError, RecordStore } from './records/RecordStore.ts';
export type { RecordQuery, RecordRevision, StoredRecord } from './records/types.ts';
export { RollupInvalidError } from './rollups/RollupScope.ts';
export type { RolledUpListener } from './rollups/Rollups.ts';
export type { RollupBreak } from './rollups/rollupPublishCheck.ts';
export { RollupBreakError } from './rollups/rollupPublishCheck.ts';
export type { Store, StoreOptions } from './Store.ts';
export { openStore } from './Store.ts';
export type { Settings, StoreTransaction } from './transactions/StoreTransaction.ts';
export type { UniqueConflict } from './unique/UniqueConstraintError.ts';
export { describeConflict, UniqueConstraintError } from './unique/UniqueConstraintError.ts';
export { UniqueKeys } from './unique/UniqueKeys.ts';
export type {
  HeardRecordEvent,
  RecordEvent,
  RecordEventData,
  RunToStart,
  TakenRecordEvents,
  TakeRecordEvents,
} from './workflows/RecordEventOutbox.ts';
export { RecordEventOutbox } from './workflows/RecordEventOutbox.ts';
export type { ListeningWorkflow, RecordListener, RecordOperation } from './workflows/recordListeners.ts';
export type {
  Alert,
  Approval,
  ApprovalAssignee,
  ApprovalMode,
  InboxDelivery,
  InboxMessage,
  NewAlert,
  NewApproval,
  NewRun,
  PeriodJudgement,
  RunClaim,
  RunLeaseGrant,
  RunStatus,
  ScheduleFiring,
  StepOutcome,
  Streak,
  WorkflowEffect,
  WorkflowRun,
} from './workflows/types.ts';
export { WorkflowAlerts } from './workflows/WorkflowAlerts.ts';
export type { ApprovalDecision } from './workflows/WorkflowApprovals.ts';
export { WorkflowApprovals } from './workflows/WorkflowApprovals.ts';
export { WorkflowInbox } from './workflows/WorkflowInbox.ts';
export { WorkflowLeases } from './workflows/WorkflowLeases.ts';
export { WorkflowRuns } from './workflows/WorkflowRuns.ts';
export { WorkflowSchedules } from './workflows/WorkflowSchedules.ts';
export { WorkflowStore } from './workflows/WorkflowStore.ts';
export { WorkflowStreaks } from './workflows/WorkflowStreaks.ts';
