import type { AllowedHost, ConnectorConfig } from '@formboard/server';
import type { ConnectorRun as StoredRun } from '@formboard/storage';
import type { Text } from '../i18n/locale.tsx';

/** A connector as `GET /api/connectors` shows it (secret values never come back, only their header names). */
export interface Connector extends ConnectorConfig {
  readonly secretHeaders: readonly string[];
  readonly disabled: boolean;
  readonly updatedAt: string;
}

/** One run of a connector: counts and row errors when it worked, the failure when it did not. */
export interface ConnectorRun extends Omit<StoredRun, 'result'> {
  readonly result: {
    readonly fetched?: number;
    readonly inserted?: number;
    readonly updated?: number;
    readonly unchanged?: number;
    readonly failed?: number;
    /** Each failed row: the reason in the request's language (Accept-Language), its code and fields. */
    readonly errors?: readonly {
      readonly row: number;
      readonly message: string | Text;
      readonly code?: string;
      readonly fields?: readonly string[];
    }[];
    /** Why the run failed, in the request's language. */
    readonly error?: string | Text;
    readonly code?: string;
  } | null;
}

export type { AllowedHost };
