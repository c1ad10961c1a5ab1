/// <reference types="vite/client" />
/**
 * The benchmark page: <FormDesigner> with its CSS on the 500-component fixture form, mounted as the
 * studio mounts it (a headless designer made by the host and passed in, so the runner can build an
 * undo history on it), with timing hooks for the runner on `window.designerBench`.
 */
import { createRoot, type Root } from 'react-dom/client';
import '../../../packages/form-runtime/src/react/formboard.css';
import '../../../packages/designer/src/react/designer.css';
import {
  createFormDesigner,
  type Form,
  FormDesigner,
  type FormDesignerStore,
  nodeLabel,
} from '../../../packages/designer/src/index.ts';
import { afterNextPaint } from '../../forms/pages/harness/frames.ts';
import { countingIds } from '../formFixture.ts';
import { buildHistory } from '../history.ts';
import type { DesignerBench } from '../protocol.ts';
import { arm, armed, startFrames, stopFrames } from './probes.ts';

/** The fixed day of the sample record, so every run renders the same values. */
const TODAY = '2026-11-27';
const container = document.getElementById('root') as HTMLElement;
let root: Root | undefined;
let designer: FormDesignerStore | undefined;

const fetchJson = async <T,>(name: string): Promise<T> => (await fetch(`./${name}`)).json() as Promise<T>;

function element(selector: string): Element {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
}

/** Whether the properties panel's title is `label` (a heading in the panel with exactly that text). */
function panelShows(label: string): boolean {
  for (const heading of element('.fbd-properties').querySelectorAll('h3')) {
    if (heading.textContent === label) return true;
  }
  return false;
}

/** Resolves after the paint that follows `ready()` first holding (polled once per frame). */
async function paintedWhen(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !ready(); i += 1) await afterNextPaint();
  if (!ready()) throw new Error('the designer did not render within 100 s');
  await afterNextPaint();
}

const bench: DesignerBench = {
  async openForm() {
    const form = await fetchJson<Form>('form.json');
    const nodes = Object.keys(form.layout.nodes).length;
    const start = performance.now();
    designer = createFormDesigner({ definition: form, nextId: countingIds('p') });
    root?.unmount();
    root = createRoot(container);
    root.render(<FormDesigner definition={form} designer={designer} locale="zh-CN" today={TODAY} />);
    await paintedWhen(() => document.querySelectorAll('.fbd-canvas [data-node-id]').length === nodes);
    return performance.now() - start;
  },
  startFrames,
  stopFrames,
  arm(input, until) {
    if ('panelShows' in until) {
      const label = until.panelShows;
      arm(
        input,
        () => element('.fbd-properties'),
        () => panelShows(label),
      );
    } else
      arm(
        input,
        () => element('.fbd-canvas'),
        () => true,
      );
  },
  armed,
  labelOf(nodeId) {
    if (!designer) throw new Error('no form open');
    return nodeLabel(designer.getState().document, nodeId, 'zh-CN');
  },
  async buildHistory(steps) {
    if (!designer) throw new Error('no form open');
    buildHistory(designer, steps);
    await afterNextPaint();
    return designer.getState().past?.size ?? 0;
  },
};

window.designerBench = bench;
