import { createContext, createElement, type ReactNode, useContext } from 'react';

// What the host app brings: who the people and org units are, how to find records of other forms, and
// where files go. The renderer only calls these small interfaces; tests pass in-memory fakes.

/** One choice a picker offers: a person, an org unit or a record. */
export interface PickOption {
  /** What the field stores: a user id, an org unit id, a record id. */
  readonly id: string;
  /** What people see: "张三". */
  readonly label: string;
  /** A second line to tell namesakes apart: "生产部 · 班组长". */
  readonly detail?: string;
}

/** A searchable list of options (users, org units, records of one form). */
export interface OptionSource {
  /** Options matching what was typed ("" for the first page). */
  search(query: string): Promise<readonly PickOption[]>;
  /** The option of a stored id, to show its name; undefined when it no longer exists. */
  lookup(id: string): Promise<PickOption | undefined>;
}

/** The organisation's directory, for the user and org unit pickers. */
export interface DirectoryAdapter {
  readonly users: OptionSource;
  readonly orgUnits: OptionSource;
}

/** Records of other forms, for record reference fields (`format: "record"`, `x-form`). */
export type RecordSearchAdapter = (formId: string) => OptionSource;

/** A stored file: the reference the field keeps, and what to show. */
export interface UploadedFile {
  readonly ref: string;
  readonly name: string;
  readonly url?: string;
  readonly size?: number;
}

/** Where attachments go; the field stores the returned `ref`. */
export interface UploadAdapter {
  upload(file: File): Promise<UploadedFile>;
  /** The file of a stored ref, to show its name; optional. */
  lookup?(ref: string): Promise<UploadedFile | undefined>;
}

/** Everything the host provides; each part is optional and its widgets say so when it is missing. */
export interface FormHost {
  readonly directory?: DirectoryAdapter;
  readonly records?: RecordSearchAdapter;
  readonly upload?: UploadAdapter;
}

const HostContext = createContext<FormHost>({});

/** Provides host adapters to every FormRenderer below it. */
export function FormHostProvider({
  host,
  children,
}: {
  readonly host: FormHost;
  readonly children: ReactNode;
}) {
  return createElement(HostContext.Provider, { value: host }, children);
}

/** The host adapters from the nearest FormHostProvider. */
export function useFormHost(): FormHost {
  return useContext(HostContext);
}

/** An OptionSource over a fixed list: for tests, demos and small static directories. */
export function createMemoryOptionSource(options: readonly PickOption[]): OptionSource {
  return {
    async search(query) {
      const q = query.trim().toLowerCase();
      return options.filter(
        (o) => !q || o.label.toLowerCase().includes(q) || (o.detail ?? '').toLowerCase().includes(q),
      );
    },
    async lookup(id) {
      return options.find((o) => o.id === id);
    },
  };
}
