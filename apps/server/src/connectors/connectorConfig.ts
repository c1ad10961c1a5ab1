/** An HTTP pull connector: where to fetch rows, how they become records of a form. */
export interface ConnectorConfig {
  readonly id: string;
  readonly name: string;
  /** The form the rows become records of. */
  readonly formId: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  /** A JSON body for POST APIs. */
  readonly body?: string;
  /** Where the rows are in the response: `data.items`, `result.list[0].rows`; empty = the response itself. */
  readonly rowsPath: string;
  /** Form field path → where its value is in a row (same path syntax). */
  readonly fields: Readonly<Record<string, string>>;
  /** A field whose value identifies a record: a row with a known value updates that record (upsert). */
  readonly dedupeField?: string;
  /** Whose records the rows become (the connector acts as this user). */
  readonly runAs: string;
  /** When to run on its own: cron in a time zone. */
  readonly schedule?: { readonly cron: string; readonly timeZone: string };
}

/** The secret part of a connector, stored encrypted: header values such as `Authorization`. */
export type ConnectorSecrets = Readonly<Record<string, string>>;
