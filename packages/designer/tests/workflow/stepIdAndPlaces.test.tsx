// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stepById } from '../../src/workflow/workflowTypes.ts';
import { approvalWorkflow } from './fixtures.ts';
import { renderWorkflow, twoSteps } from './renderWorkflow.tsx';

const settings = () => screen.getByRole('region', { name: '设置' });

describe('renaming a step in its settings', () => {
  it('renames the step and the links to it, keeps it selected, and says so', async () => {
    const { user, doc, designer } = renderWorkflow(twoSteps());
    await user.click(screen.getByRole('button', { name: /^步骤：通知 通知二/ }));
    const box = within(settings()).getByRole('textbox', { name: '步骤标识' });
    expect(box).toHaveValue('second');
    expect(box).toHaveAccessibleDescription(/指向它的连线一起改名/);
    await user.clear(box);
    await user.type(box, 'tellAgain');
    const apply = within(settings()).getByRole('button', { name: '修改标识' });
    await user.click(apply);
    expect(stepById(doc(), 'first')).toMatchObject({ next: 'tellAgain' });
    expect(doc().steps.map((s) => s.id)).toEqual(['first', 'tellAgain']);
    expect(designer.getState().selection).toEqual(['tellAgain']);
    expect(document.querySelector('[data-step-id="tellAgain"]')).not.toBeNull();
    expect(apply).toHaveFocus();
    expect(screen.getByText('步骤标识已改为 tellAgain。')).toBeInTheDocument();
    // One undo step brings the old id and the old link back.
    designer.undo();
    expect(stepById(doc(), 'first')).toMatchObject({ next: 'second' });
  });

  it('shows why an id is refused, and changes nothing', async () => {
    const { user, doc } = renderWorkflow(approvalWorkflow());
    const before = doc();
    await user.click(document.querySelector('[data-step-id="activate"]') as HTMLElement);
    const box = within(settings()).getByRole('textbox', { name: '步骤标识' });
    await user.clear(box);
    await user.type(box, 'tellOwner{Enter}');
    expect(within(settings()).getByRole('alert')).toHaveTextContent('步骤标识 tellOwner 已被使用');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    await user.clear(box);
    await user.type(box, '2nd{Enter}');
    expect(within(settings()).getByRole('alert')).toHaveTextContent('须以字母开头');
    expect(doc()).toBe(before);
  });

  it('speaks English in the en designer', async () => {
    const { user } = renderWorkflow(twoSteps(), { locale: 'en' });
    await user.click(screen.getByRole('button', { name: /^Step: Notification First/ }));
    const box = within(screen.getByRole('region', { name: 'Settings' })).getByRole('textbox', {
      name: 'Step id',
    });
    await user.clear(box);
    await user.type(box, 'x y{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('must start with a letter');
  });
});

describe('drop places of the flow', () => {
  it('are the "+" rows, one per place, named as dropPlaces names them', () => {
    renderWorkflow(approvalWorkflow());
    const slots = [...document.querySelectorAll('.fbw-flow [data-slot]')].map((e) =>
      e.getAttribute('data-slot'),
    );
    expect(slots).toEqual([
      'start',
      'arm:approve:0',
      'after:activate',
      'after:tellOwner',
      'arm:approve:1',
      'after:backToDraft',
      'after:approve',
    ]);
    // Cards that can be moved say how (dnd-kit's instructions); an end step cannot be moved.
    expect(document.querySelector('[data-step-id="activate"]')).toHaveAccessibleDescription(/Alt\+上\/下/);
    expect(document.querySelector('[data-step-id="done"]')).not.toHaveAttribute('aria-describedby');
  });
});
