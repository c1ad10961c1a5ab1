import { useState } from 'react';
import type { OptionSource, UploadAdapter } from '../host.ts';
import type { WidgetProps } from '../registry.ts';
import { controlAria, stringProp } from './controlAria.ts';
import { listValue } from './MultiSelectWidget.tsx';
import { rememberOption, useLookup } from './useLookup.ts';
import { EmptyValue } from './ValueView.tsx';

const sources = new WeakMap<UploadAdapter, OptionSource>();

/** The upload adapter as a name source for stored refs (one per adapter, so names are cached). */
function namesOf(upload: UploadAdapter | undefined): OptionSource | undefined {
  if (!upload) return undefined;
  let source = sources.get(upload);
  if (!source) {
    source = {
      search: async () => [],
      async lookup(ref) {
        const file = await upload.lookup?.(ref);
        return file ? { id: file.ref, label: file.name } : undefined;
      },
    };
    sources.set(upload, source);
  }
  return source;
}

/** Stored file refs: one for a text field, several for a list field. */
function refsOf(props: WidgetProps): string[] {
  if (props.field.kind === 'multiSelect') return listValue(props.value).map(String);
  return typeof props.value === 'string' && props.value ? [props.value] : [];
}

/**
 * File attachments through the host's upload adapter: the field stores the returned refs (one in a
 * text field, several in a list field); `props.accept` limits the file types.
 */
export function FileWidget(props: WidgetProps) {
  const upload = props.host.upload;
  const names = namesOf(upload);
  const refs = refsOf(props);
  const files = useLookup(names, refs);
  const [status, setStatus] = useState<'idle' | 'uploading' | 'failed'>('idle');
  const multiple = props.field.kind === 'multiSelect';
  const statusId = `${props.id}-status`;
  const onFiles = async (list: FileList | null) => {
    if (!upload || !names || !list || list.length === 0) return;
    setStatus('uploading');
    try {
      const done = await Promise.all([...list].map((file) => upload.upload(file)));
      for (const file of done) rememberOption(names, { id: file.ref, label: file.name });
      const added = done.map((file) => file.ref);
      props.onChange(multiple ? [...refs, ...added] : added[0]);
      setStatus('idle');
    } catch {
      setStatus('failed');
    }
  };
  const message = !upload
    ? props.messages.notConnected
    : status === 'uploading'
      ? props.messages.uploading
      : status === 'failed'
        ? props.messages.uploadFailed
        : '';
  return (
    <div className="fb-file">
      {files.length > 0 ? (
        <ul className="fb-file-list">
          {files.map((file) => (
            <li key={file.id}>
              {file.label}
              {props.readOnly ? null : (
                <button
                  type="button"
                  aria-label={props.messages.remove(file.label)}
                  onClick={() => props.onChange(multiple ? refs.filter((r) => r !== file.id) : undefined)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        {...controlAria(props)}
        aria-describedby={[statusId, props.describedBy].filter(Boolean).join(' ')}
        type="file"
        multiple={multiple}
        accept={stringProp(props, 'accept', '') || undefined}
        disabled={props.readOnly || !upload || status === 'uploading'}
        onChange={(event) => {
          void onFiles(event.target.files);
          event.target.value = '';
        }}
        onBlur={props.onBlur}
      />
      <div className="fb-file-status" id={statusId} role="status">
        {message}
      </div>
    </div>
  );
}

/** Read-only attachment names. */
export function FileView(props: WidgetProps) {
  const files = useLookup(namesOf(props.host.upload), refsOf(props));
  if (files.length === 0) return <EmptyValue props={props} />;
  return (
    <ul className="fb-file-list">
      {files.map((file) => (
        <li key={file.id}>{file.label}</li>
      ))}
    </ul>
  );
}
