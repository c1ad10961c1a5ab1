// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { everythingForm, everythingHost, everythingValue } from './everything.ts';
import { renderForm, scorecardDefinition } from './support.tsx';

/** Runs axe-core on a rendered form; returns "rule: target" for each violation (none expected). */
async function violations(container: HTMLElement): Promise<string[]> {
  // Colour contrast needs layout, which jsdom does not do; everything else runs.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('accessibility (axe-core)', () => {
  // axe probes a canvas for icon fonts; jsdom has none (it would only log "not implemented").
  beforeAll(() => {
    HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  });

  it('catches a real problem (the check itself works)', async () => {
    const { container } = renderForm(scorecardDefinition());
    container.append(Object.assign(document.createElement('input'), { type: 'text' }));
    expect((await violations(container)).filter((v) => v.startsWith('label:'))).toHaveLength(1);
  });

  it('finds no violations in a form using every widget and layout node', async () => {
    const { container } = renderForm(everythingForm, { host: everythingHost });
    expect(await violations(container)).toEqual([]);
  });

  it('finds none with values, in English', async () => {
    const { container } = renderForm(everythingForm, {
      locale: 'en',
      host: everythingHost,
      engineOptions: { value: everythingValue },
    });
    expect(await violations(container)).toEqual([]);
  });

  it('finds none in the scorecard after a failed submit (errors, summary, aria-invalid)', async () => {
    const { container, user } = renderForm(scorecardDefinition());
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(container.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThan(2);
    expect(await violations(container)).toEqual([]);
  });

  it('finds none with an open picker list', async () => {
    const { container, user } = renderForm(everythingForm, { host: everythingHost });
    await user.click(screen.getByRole('combobox', { name: '搜索选择' }));
    expect(await screen.findByRole('listbox', { name: '搜索选择' })).toBeVisible();
    expect(await violations(container)).toEqual([]);
  });

  it('finds none in read-only mode', async () => {
    const { container } = renderForm(everythingForm, {
      readOnly: true,
      host: everythingHost,
      engineOptions: { value: everythingValue },
    });
    expect(await violations(container)).toEqual([]);
  });
});
