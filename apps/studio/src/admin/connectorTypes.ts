/** A connector as `GET /api/connectors` shows it (secret values never come back, only their header names). */
export interface Connector {
  readonly id: string;
  readonly name: string;
  readonly formId: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
  readonly rowsPath: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly dedupeField?: string;
  readonly runAs: string;
  readonly schedule?: { readonly cron: string; readonly timeZone: string };
  readonly secretHeaders: readonly string[];
  readonly disabled: boolean;
  readonly updatedAt: string;
}

/** One run of a connector: counts and row errors when it worked, the failure when it did not. */
export interface ConnectorRun {
  readonly id: string;
  readonly trigger: 'manual' | 'schedule';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: 'running' | 'ok' | 'failed';
  readonly result: {
    readonly fetched?: number;
    readonly inserted?: number;
    readonly updated?: number;
    readonly unchanged?: number;
    readonly failed?: number;
    readonly errors?: readonly { readonly row: number; readonly message: string }[];
    readonly error?: string;
  } | null;
}

/** A host outbound requests may reach (`*.example.com` for its subdomains). */
export interface AllowedHost {
  readonly host: string;
  readonly allowPrivate?: boolean;
}
