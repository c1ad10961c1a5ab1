import type { LocalizedMessage } from '@formboard/formula';
import type { Operation } from 'rfc6902';
import type { ContentDiff } from './diffContents.ts';

/** Lifecycle of a definition: records are entered against the published version. */
export type DefinitionState = 'draft' | 'published' | 'archived';

/** One immutable version of a definition. */
export interface DefinitionVersion {
  readonly id: string;
  readonly version: number;
  readonly content: Readonly<Record<string, unknown>>;
  /** SHA-256 of the canonical JSON of `content`. */
  readonly hash: string;
  /** Hash of the previous version; null for version 1. */
  readonly parentHash: string | null;
  readonly author: string;
  readonly message: string;
  readonly createdAt: string;
  /** Set when this version restores an older one. */
  readonly restoredFrom: number | null;
}

/** A definition's current state, without content. */
export interface DefinitionInfo {
  readonly id: string;
  readonly kind: string;
  readonly state: DefinitionState;
  readonly headVersion: number;
  readonly publishedVersion: number | null;
  /** Where a clone came from. */
  readonly lineage: { readonly sourceId: string; readonly sourceVersion: number } | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** The difference between two versions. */
/** A clone compared with its template (`DefinitionStore.compareWithSource`). */
export interface SourceComparison {
  readonly sourceId: string;
  /** The template version the copy was made from, and the template's head now. */
  readonly clonedVersion: number;
  readonly sourceHeadVersion: number;
  /** What the copy changed since it was made. */
  readonly mine: ContentDiff;
  /** What the template changed since the copy was made. */
  readonly upstream: ContentDiff;
}

export interface DefinitionDiff {
  readonly from: number;
  readonly to: number;
  /** RFC 6902 JSON Patch turning version `from` into version `to`. */
  readonly patch: readonly Operation[];
  /** One line per thing that changed, in zh-CN and en. */
  readonly summary: readonly LocalizedMessage[];
}

/** Who makes a change, and why. */
export interface ChangeInfo {
  readonly author: string;
  readonly message?: string;
}
