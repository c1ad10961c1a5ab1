// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFormDesigner, type Form, FormDesigner } from '../../src/index.ts';
import { checkInForm, countingIds, keyResultForm, objectiveRollingUpKeyResults } from '../fixtures.ts';

// Editing a child form (the key results), the fields another form's roll-up reads say so in the
// property panel ("被汇总使用"), and a rename or delete that would break that roll-up is warned about
// first, naming the objective's roll-up; repeating it goes ahead.

const OBJECTIVE = objectiveRollingUpKeyResults();

function renderKeyResult(
  locale: 'zh-CN' | 'en' = 'zh-CN',
  forms: readonly Form[] = [OBJECTIVE, checkInForm()],
) {
  const definition = keyResultForm();
  const designer = createFormDesigner({
    definition,
    nextId: countingIds(),
    forms: (id) => forms.find((f) => f.id === id),
  });
  const user = userEvent.setup();
  render(
    <FormDesigner
      definition={definition}
      designer={designer}
      forms={forms}
      locale={locale}
      today="2026-11-27"
    />,
  );
  return { designer, user };
}

/** The designer's live region (the one that says what a command did or why it was refused). */
const liveRegion = () =>
  screen.getAllByRole('status').find((el) => el.classList.contains('fbd-visually-hidden'));

describe('the roll-ups of other forms in the property panel', () => {
  it('lists the roll-ups that read the selected field, by form, field, measure and use', () => {
    const { designer } = renderKeyResult();
    act(() => designer.select(['kp']));
    const uses = screen.getByRole('region', { name: '被汇总使用' });
    expect(
      within(uses)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['“目标”的“进度”（加权平均）汇总它的值']);
    expect(uses).toHaveTextContent('改名、删除或移入表格会使汇总失效');
    // The title is read by no roll-up: no list.
    act(() => designer.select(['kt']));
    expect(screen.queryByRole('region', { name: '被汇总使用' })).toBeNull();
  });

  it('says it in English', () => {
    const { designer } = renderKeyResult('en');
    act(() => designer.select(['kp']));
    const uses = screen.getByRole('region', { name: 'Used by roll-ups' });
    expect(within(uses).getByRole('listitem')).toHaveTextContent(
      '“Progress” of “Objective” (weighted average) combines its values',
    );
  });

  it('shows nothing when no other form rolls up from this one', () => {
    const { designer } = renderKeyResult('zh-CN', [checkInForm()]);
    act(() => designer.select(['kp']));
    expect(screen.queryByRole('region', { name: '被汇总使用' })).toBeNull();
  });

  it('warns before a rename, beside the key, and renames when applied again', async () => {
    const { designer, user } = renderKeyResult();
    act(() => designer.select(['kp']));
    const panel = screen.getByRole('complementary', { name: '属性' });
    await user.click(within(panel).getByText('高级'));
    const key = within(panel).getByRole('textbox', { name: '字段标识' });
    await user.clear(key);
    await user.type(key, 'percent{Enter}');
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      '表单“目标”的汇总“进度”用到这个字段，改名后会失效；在那边改好之前，本表单的新版本不能发布。仍要改名，请再改名一次。',
    );
    expect(designer.getState().document.data.properties.progress).toBeDefined();
    await user.click(within(panel).getByRole('button', { name: '修改标识' }));
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(designer.getState().document.data.properties.percent).toBeDefined();
  });

  it('warns before a delete from the keyboard, in the live region; a second Delete deletes', async () => {
    const { designer, user } = renderKeyResult();
    screen.getByRole('button', { name: '移动 进度' }).focus();
    await user.keyboard('{Delete}');
    expect(liveRegion()).toHaveTextContent('表单“目标”的汇总“进度”用到这个字段，删除后会失效');
    expect(designer.getState().document.layout.nodes.kp).toBeDefined();
    await user.keyboard('{Delete}');
    expect(designer.getState().document.layout.nodes.kp).toBeUndefined();
    expect(designer.getState().document.data.properties.progress).toBeUndefined();
  });
});
