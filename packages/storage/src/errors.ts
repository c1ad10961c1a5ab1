import type { LocalizedMessage } from '@formboard/formula';
import type { DefinitionIssue } from '@formboard/schema';
import type { Operation } from 'rfc6902';

/** Base of the store's typed errors; `code` tells them apart. */
export class StoreError extends Error {
  readonly code: 'notFound' | 'conflict' | 'invalid' | 'exists' | 'state';
  readonly messages: LocalizedMessage;
  constructor(code: StoreError['code'], messages: LocalizedMessage) {
    super(messages.en);
    this.name = 'StoreError';
    this.code = code;
    this.messages = messages;
  }
}

/** Saving on a stale base version: carries the current version and what changed since the base. */
export class VersionConflictError extends StoreError {
  readonly currentVersion: number;
  readonly baseVersion: number;
  /** RFC 6902 patch from the base version to the current one. */
  readonly patch: readonly Operation[];
  readonly summary: readonly LocalizedMessage[];
  constructor(
    id: string,
    baseVersion: number,
    currentVersion: number,
    patch: readonly Operation[],
    summary: readonly LocalizedMessage[],
  ) {
    super('conflict', {
      'zh-CN': `${id} 已被他人改到第 ${currentVersion} 版（你基于第 ${baseVersion} 版）`,
      en: `${id} was changed to version ${currentVersion} meanwhile (you started from version ${baseVersion})`,
    });
    this.name = 'VersionConflictError';
    this.baseVersion = baseVersion;
    this.currentVersion = currentVersion;
    this.patch = patch;
    this.summary = summary;
  }
}

/** A definition that does not validate; nothing was written. */
export class InvalidDefinitionError extends StoreError {
  readonly issues: readonly DefinitionIssue[];
  constructor(issues: readonly DefinitionIssue[]) {
    super('invalid', {
      'zh-CN': `定义无效：${issues[0]?.message['zh-CN'] ?? ''}（共 ${issues.length} 处）`,
      en: `invalid definition: ${issues[0]?.message.en ?? ''} (${issues.length} issue${issues.length === 1 ? '' : 's'})`,
    });
    this.name = 'InvalidDefinitionError';
    this.issues = issues;
  }
}

/** Not found, in both languages. */
export function notFound(what: string): StoreError {
  return new StoreError('notFound', { 'zh-CN': `找不到 ${what}`, en: `${what} not found` });
}
