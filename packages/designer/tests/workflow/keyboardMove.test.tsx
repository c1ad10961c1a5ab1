// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { approvalWorkflow } from './fixtures.ts';
import { renderWorkflow } from './renderWorkflow.tsx';

// A step card carried with the keyboard (dnd-kit's keyboard sensor): Space picks it up, Up/Down walk
// the places in page order, Left/Right go to the neighbouring branch arm, Space/Enter drop, Escape
// cancels; each place is said in the live region.

const live = () => document.querySelector('.fbw-designer > [aria-live]') as HTMLElement;
const card = (id: string) => document.querySelector<HTMLElement>(`[data-step-id="${id}"]`) as HTMLElement;
const step = (doc: ReturnType<ReturnType<typeof renderWorkflow>['doc']>, id: string) =>
  doc.steps.find((s) => s.id === id) as Record<string, unknown> | undefined;

describe('moving a step card with the keyboard', () => {
  it('carries a card from the approved arm into the rejected one, saying each place (zh-CN)', async () => {
    const { user, doc, designer } = renderWorkflow(approvalWorkflow());
    const before = doc();
    card('tellOwner').focus();
    await user.keyboard('[Space]');
    await waitFor(() =>
      expect(live()).toHaveTextContent(
        '已拿起步骤“通知”。 上/下键选择位置，左/右键换到相邻分支，空格或回车放下，Esc 取消。',
      ),
    );
    // Right, from where it sits (after 更新记录 in the approved arm): the same height of the rejected arm.
    await user.keyboard('[ArrowRight]');
    await waitFor(() =>
      expect(live()).toHaveTextContent('“通知”将放在“更新记录”之后（在“主管确认”的驳回中）。'),
    );
    await user.keyboard('[ArrowUp]');
    await waitFor(() => expect(live()).toHaveTextContent('“通知”将放在“主管确认”的驳回开头。'));
    // The drop indicator is drawn over that place's "+" row.
    expect(document.querySelector('.fbd-drop-indicator')).not.toBeNull();
    await user.keyboard('[Space]');
    await waitFor(() =>
      expect(live()).toHaveTextContent('已移动步骤“通知”。 现在位于“主管确认”的驳回开头。'),
    );
    const after = doc();
    expect(step(after, 'approve')).toMatchObject({ onApprove: 'activate', onReject: 'tellOwner' });
    expect(step(after, 'activate')).toMatchObject({ next: 'done' });
    expect(step(after, 'tellOwner')).toMatchObject({ next: 'backToDraft' });
    // One undo step, and the card keeps focus at its new place.
    await waitFor(() => expect(card('tellOwner')).toHaveFocus());
    designer.undo();
    expect(doc()).toBe(before);
  });

  it('goes down out of the arms to after the branch, and says when there is no branch aside (en)', async () => {
    const { user, doc } = renderWorkflow(approvalWorkflow(), { locale: 'en' });
    card('backToDraft').focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toHaveTextContent('Picked up the step “Update record”.'));
    await user.keyboard('[ArrowRight]');
    await waitFor(() => expect(live()).toHaveTextContent('There is no other branch to the right.'));
    await user.keyboard('[ArrowDown]');
    await waitFor(() =>
      expect(live()).toHaveTextContent(
        '“Update record” would go after “Supervisor approves”, where its branches meet.',
      ),
    );
    // Arrows belong to the drag: they did not select other cards.
    expect(card('backToDraft')).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('[Enter]');
    await waitFor(() => expect(live()).toHaveTextContent('Moved the step “Update record”.'));
    // Both arms now meet at it: the approved arm's end and the (now empty) rejected arm lead to it.
    expect(step(doc(), 'tellOwner')).toMatchObject({ next: 'backToDraft' });
    expect(step(doc(), 'approve')).toMatchObject({ onApprove: 'activate', onReject: 'backToDraft' });
    expect(step(doc(), 'backToDraft')).toMatchObject({ next: 'done' });
  });

  it('cancels with Escape, leaving the workflow as it was', async () => {
    const { user, doc } = renderWorkflow(approvalWorkflow(), { locale: 'en' });
    const before = doc();
    card('activate').focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toHaveTextContent('Picked up the step'));
    await user.keyboard('[ArrowDown][ArrowDown]');
    await waitFor(() => expect(live()).toHaveTextContent('would go'));
    await user.keyboard('[Escape]');
    await waitFor(() => expect(live()).toHaveTextContent('Moving the step “Update record” was cancelled.'));
    expect(doc()).toBe(before);
    expect(document.querySelector('.fbd-drop-indicator')).toBeNull();
  });
});
