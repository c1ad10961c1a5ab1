/**
 * Installs `window.bench` (protocol.ts BenchApi) for one library's page: fetches the fixtures, then
 * (timed) opens the form if the page has an `open` step and mounts it with flushSync (so rendering
 * starts at once), to the first paint that shows the whole form; measures key presses (keystroke.ts),
 * heap and submit the same way for every library.
 */
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  type BenchApi,
  type FixtureMeta,
  fixtureUrl,
  type MountRequest,
  type MountResult,
  type SubmitSample,
} from '../../protocol.ts';
import type { Adapter, Submitter } from './adapter.ts';
import { afterNextPaint, endOfTask } from './frames.ts';
import { KeystrokeProbe } from './keystroke.ts';

/** Marks the middle field's input once it is in the DOM. */
const MIDDLE = '[data-bench-middle]';
const CONTROLS = 'input, select, textarea';

interface MemoryInfo {
  readonly usedJSHeapSize: number;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const json: unknown = await response.json();
  return json;
}

function forceGc(): void {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) throw new Error('gc() is not exposed: launch Chromium with --js-flags=--expose-gc');
  gc();
  gc();
}

export function installBench<Form, Opened = Form>(
  adapter: Adapter<Form, Opened>,
  parse: (json: unknown) => Form,
): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root element');
  const probe = new KeystrokeProbe();
  const submitter = createRef<Submitter>();
  let root: Root | undefined;

  /** True once the middle field is there and the last table row has its controls. */
  const complete = (meta: FixtureMeta): boolean => {
    const middle = container.querySelector(adapter.middleSelector(meta));
    if (!middle) return false;
    middle.setAttribute('data-bench-middle', '');
    return container.querySelectorAll(CONTROLS).length >= meta.size + meta.tableRows;
  };

  const mount = async (request: MountRequest): Promise<MountResult> => {
    const [metaJson, formJson, data] = await Promise.all([
      fetchJson(fixtureUrl.meta(request.size)),
      fetchJson(fixtureUrl.form(request.size, adapter.library)),
      fetchJson(fixtureUrl.data(request.size, adapter.library, request.data)),
    ]);
    const meta = metaJson as FixtureMeta;
    const form = parse(formJson);
    root?.unmount();
    root = createRoot(container);
    const target = root;
    await afterNextPaint();
    const start = performance.now();
    // Without an `open` step, `Opened` is `Form` (the Adapter's default).
    const opened = adapter.open ? await adapter.open(form, data) : (form as unknown as Opened);
    flushSync(() => target.render(adapter.render({ form: opened, data, meta, submitter, container })));
    const jsEnd = await endOfTask();
    let painted = await afterNextPaint();
    for (let frames = 0; !complete(meta); frames++) {
      if (frames > 600) throw new Error(`${adapter.library}: the form did not render completely`);
      painted = await afterNextPaint();
    }
    return {
      ms: painted - start,
      jsMs: jsEnd - start,
      controls: container.querySelectorAll(CONTROLS).length,
    };
  };

  const submit = async (): Promise<SubmitSample> => {
    const current = submitter.current;
    if (!current) throw new Error(`${adapter.library}: the form is not mounted`);
    await afterNextPaint();
    const start = performance.now();
    const result = await current.submit();
    const jsEnd = await endOfTask();
    const painted = await afterNextPaint();
    return { ms: painted - start, jsMs: jsEnd - start, ok: result.ok, errors: result.errors() };
  };

  const api: BenchApi = {
    library: adapter.library,
    middleSelector: MIDDLE,
    mount,
    armKeystroke: () => probe.arm(),
    keystroke: () => probe.result(),
    heap: () => {
      forceGc();
      const memory = (performance as Performance & { memory?: MemoryInfo }).memory;
      if (!memory) throw new Error('performance.memory is missing (Chromium only)');
      return memory.usedJSHeapSize;
    },
    submit,
  };
  window.bench = api;
}
