// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFormDesigner, type Form, FormDesigner } from '../../src/index.ts';
import { checkInForm, countingIds, keyResultForm, objectiveForm } from '../fixtures.ts';

// The roll-up panel ("汇总自子表单") of a field: choices that only offer what fits, one undo step per
// choice, problems shown in the panel and linked from the problems list.

const FORMS: readonly Form[] = [keyResultForm(), checkInForm()];

function renderRollups(definition: Form = objectiveForm(), locale: 'zh-CN' | 'en' = 'zh-CN', forms = FORMS) {
  const designer = createFormDesigner({
    definition,
    nextId: countingIds(),
    forms: (id) => forms.find((f) => f.id === id),
  });
  const user = userEvent.setup();
  const view = render(
    <FormDesigner
      definition={definition}
      designer={designer}
      forms={forms}
      locale={locale}
      today="2026-11-27"
    />,
  );
  return { designer, user, unmount: view.unmount };
}

const panel = (name = '汇总自子表单') => screen.getByRole('region', { name });
const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);
const steps = (designer: ReturnType<typeof createFormDesigner>) => designer.getState().past?.size ?? 0;

describe('the roll-up panel', () => {
  it('builds a weighted average from the key results, one undo step per choice', async () => {
    const { designer, user } = renderRollups();
    act(() => designer.select(['p']));
    const child = within(panel()).getByRole('combobox', { name: '子表单' });
    // The objective itself points at itself (its parent), the key result at it; the check-in does not.
    expect(optionsOf(child)).toEqual(['（不汇总）', '目标', '关键结果']);
    expect(within(panel()).queryByRole('combobox', { name: '汇总方式' })).toBeNull();

    await user.selectOptions(child, '关键结果');
    expect(designer.getState().document.rollups).toEqual([
      { target: 'progress', from: 'key-result', via: 'objective', measure: 'avg', field: 'progress' },
    ]);
    expect(steps(designer)).toBe(1);
    // Only the key result's reference to objectives is offered, and only its number fields outside tables.
    expect(optionsOf(within(panel()).getByRole('combobox', { name: '子表单中指向本记录的字段' }))).toEqual([
      '所属目标',
    ]);
    expect(optionsOf(within(panel()).getByRole('combobox', { name: '汇总哪个字段' }))).toEqual([
      '进度',
      '权重',
      '信心',
    ]);

    await user.selectOptions(within(panel()).getByRole('combobox', { name: '汇总方式' }), '加权平均');
    expect(steps(designer)).toBe(2);
    const weight = within(panel()).getByRole('combobox', { name: '权重字段' });
    expect(weight).toHaveValue('weight');
    expect(within(panel()).getByText(/^本字段 =/)).toHaveTextContent(
      '本字段 = “所属目标”指向本记录的各条“关键结果”记录中“进度”的加权平均（按“权重”加权）',
    );
    expect(designer.toDefinition().ok).toBe(true);

    // A count needs no field: its box goes, and so does the weight.
    await user.selectOptions(within(panel()).getByRole('combobox', { name: '汇总方式' }), '计数（有几条）');
    expect(within(panel()).queryByRole('combobox', { name: '汇总哪个字段' })).toBeNull();
    expect(within(panel()).queryByRole('combobox', { name: '权重字段' })).toBeNull();
    expect(designer.getState().document.rollups?.[0]).toEqual({
      target: 'progress',
      from: 'key-result',
      via: 'objective',
      measure: 'count',
    });
    expect(steps(designer)).toBe(3);

    // Undo walks back one choice at a time, and the panel follows.
    act(() => designer.undo());
    expect(within(panel()).getByRole('combobox', { name: '汇总方式' })).toHaveValue('weightedAvg');
    await user.click(within(panel()).getByRole('button', { name: '移除汇总' }));
    expect(designer.getState().document.rollups).toBeUndefined();
    expect(within(panel()).getByRole('combobox', { name: '子表单' })).toHaveValue('');
  });

  it('counts only the child records a condition over the child’s fields lets through', async () => {
    const { designer, user } = renderRollups();
    act(() => designer.select(['p']));
    await user.selectOptions(within(panel()).getByRole('combobox', { name: '子表单' }), '关键结果');
    const before = steps(designer);
    const where = within(panel()).getByRole('combobox', { name: '只汇总符合条件的记录' });
    expect(where).toHaveAccessibleDescription(/用子表单的字段写条件/);
    await user.click(where);
    // The key result's fields are offered (by label), not the objective's.
    await user.keyboard('信');
    const list = screen.getByRole('listbox', { name: '建议' });
    expect(within(list).getByRole('option', { name: /信心/ })).toBeInTheDocument();
    expect(within(list).queryByRole('option', { name: /状态/ })).toBeNull();
    await user.keyboard('{Enter} > 1');
    await user.tab();
    expect(designer.getState().document.rollups?.[0]).toMatchObject({ where: 'confidence > 1' });
    expect(steps(designer)).toBe(before + 1);
    expect(designer.toDefinition().ok).toBe(true);
    // A variable is refused by the save checks, and said in the panel.
    await user.clear(where);
    await user.type(where, '$user.id = "x"');
    expect(within(panel()).getByText(/汇总条件只能读来源表单的字段/)).toBeInTheDocument();
  });

  it('is there only for number and date fields, and says what to do when no form points here', () => {
    const { designer, unmount } = renderRollups(objectiveForm(), 'zh-CN', []);
    act(() => designer.select(['t']));
    expect(screen.queryByRole('region', { name: '汇总自子表单' })).toBeNull();
    act(() => designer.select(['p']));
    // Without the key result the objective still points at itself (its parent).
    expect(optionsOf(within(panel()).getByRole('combobox', { name: '子表单' }))).toEqual([
      '（不汇总）',
      '目标',
    ]);
    unmount();
    const lonely = renderRollups(keyResultForm(), 'zh-CN', []);
    act(() => lonely.designer.select(['kp']));
    expect(within(panel()).getByText(/还没有表单指向本表单/)).toBeInTheDocument();
    expect(within(panel()).queryByRole('combobox')).toBeNull();
  });

  it('shows a roll-up’s problems in the panel, and the problems list opens it (en)', async () => {
    // A tree of objectives (the form rolls up from itself): checked with the form on its own.
    const { designer, user } = renderRollups(
      {
        ...objectiveForm(),
        rollups: [{ target: 'progress', from: 'objective', via: 'title', measure: 'sum', field: 'week' }],
      },
      'en',
    );
    await user.click(screen.getByRole('button', { name: '2 problems' }));
    const list = screen.getByRole('region', { name: '2 problems' });
    await user.click(
      within(list).getByRole('button', { name: /title of objective is not a record reference/ }),
    );
    expect(designer.getState().selection).toEqual(['p']);
    const rollup = panel('Roll up from related records');
    const problems = within(rollup).getByRole('list');
    expect(problems).toHaveTextContent(
      'title of objective is not a record reference to this form (objective)',
    );
    expect(problems).toHaveTextContent('“sum” combines a number field outside tables; week is not one');
    // A choice in the panel puts it right: the reference and field are fitted to the child form.
    await user.selectOptions(within(rollup).getByRole('combobox', { name: 'Field to combine' }), 'Score');
    expect(designer.getState().document.rollups?.[0]).toEqual({
      target: 'progress',
      from: 'objective',
      via: 'parent',
      measure: 'sum',
      field: 'score',
    });
    expect(designer.toDefinition().ok).toBe(true);
    expect(within(rollup).queryByRole('list')).toBeNull();
    expect(within(rollup).getByText(/^This field =/)).toHaveTextContent(
      'This field = the sum of “Score” over the “Objective” records whose “Parent” is this record',
    );
  });

  it('warns of what does not fit the child form without holding up saving', async () => {
    const { designer } = renderRollups({
      ...objectiveForm(),
      rollups: [
        { target: 'progress', from: 'key-result', via: 'title', measure: 'weightedAvg', field: 'due' },
      ],
    });
    act(() => designer.select(['p']));
    const problems = within(panel()).getByRole('list');
    expect(problems).toHaveTextContent('key-result 的 title 不是指向本表单（objective）记录的关联字段');
    expect(problems).toHaveTextContent('加权平均须指定权重字段（weight）');
    expect(designer.toDefinition().ok).toBe(true);
    expect(screen.queryByRole('button', { name: /个问题/ })).toBeNull();
  });
});
