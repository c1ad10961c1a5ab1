import { expect, type Locator, type Page, test } from '@playwright/test';
import { type ApiCaller, apiAs, signIn } from './support.ts';

// Journey 7: the three designers with the keyboard only. No mouse and no clicks: focus moves with Tab
// (or lands on a named control, as a screen reader's "jump to" does), and keys do the rest. Each designer
// speaks through its live region; what was saved is read back through the API.

/** Copies a definition of the demo under a new id (version 1, a draft) for this journey to edit. */
async function copyDefinition(api: ApiCaller, from: string, id: string, title: string): Promise<void> {
  const current = await (await api.get(`/api/definitions/${from}`)).json();
  const definition = { ...current.version.content, id, title: { 'zh-CN': title, en: title } };
  const created = await api.post('/api/definitions', { definition, message: '键盘设计器旅程' });
  expect(created.status(), `copy of ${from}`).toBe(201);
}

/** The head version's content of a definition. */
async function headOf(api: ApiCaller, id: string): Promise<Record<string, unknown>> {
  return (await (await api.get(`/api/definitions/${id}`)).json()).version.content;
}

/** Presses Tab until `target` has focus (at most `limit` times): real Tab navigation. */
async function tabTo(page: Page, target: Locator, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Waits until a live region says `text` (what a screen reader is told): the designer's own, or dnd-kit's
 * during a drag. Returns that region.
 */
async function announced(page: Page, text: string | RegExp): Promise<Locator> {
  const region = page.locator('[aria-live]').filter({ hasText: text }).first();
  await expect(region).toBeAttached();
  return region;
}

/** Saves with the keyboard: Tab along the toolbar to Save, then Enter; it becomes `version`. */
async function saveByKeyboard(page: Page, toolbar: Locator, version = 2): Promise<void> {
  await toolbar.getByRole('button').first().focus();
  const save = toolbar.getByRole('button', { name: '保存' });
  await expect(save).toBeEnabled();
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page.getByText(new RegExp(`已保存第 ${version} 版`))).toBeVisible();
}

test('the form, board and workflow designers are used with the keyboard only', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const hr = await apiAs(String(baseURL), 'hr');
  await copyDefinition(hr, 'weekly-checkin', 'kb-checkin', '键盘周进展');
  await copyDefinition(hr, 'weekly-progress', 'kb-progress', '键盘周看板');
  await copyDefinition(hr, 'kpi-below-baseline', 'kb-alert', '键盘预警流程');
  await signIn(page, 'hr');

  // The form designer: pick a field up from the palette with Space, carry it with the arrows, drop it
  // with Space; move it once more from its handle the same way; name it; save.
  await page.goto('/forms/kb-checkin/design');
  const search = page.getByRole('searchbox', { name: '搜索组件' });
  await search.focus();
  await page.keyboard.type('单行');
  const card = page.getByRole('button', { name: '添加 单行文本' });
  await tabTo(page, card);
  await page.keyboard.press('Space');
  await announced(page, '已拿起 单行文本');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await announced(page, /已把 单行文本 放到 .+，第 \d+ 个。/);
  // The dropped field is selected: carry it on from its handle ("移动 单行文本").
  const handle = page.locator('.fbd-canvas [data-handle-for][aria-pressed="true"]');
  await expect(handle).toHaveCount(1);
  await handle.focus();
  const before = await page
    .locator('.fbd-canvas [data-handle-for]')
    .evaluateAll((handles) => handles.map((h) => h.getAttribute('data-handle-for')));
  const fieldId = await handle.getAttribute('data-handle-for');
  await page.keyboard.press('Space');
  // dnd-kit's own live region may still say the first pick-up: wait for the carried card instead.
  const carried = page.locator('.fbd-drag-card');
  await expect(carried).toBeVisible();
  // The first place up may be the gap it already fills (right after the field above); go two up.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(carried).toHaveCount(0);
  // The live region may still hold the first drop's words: wait for the order itself to change.
  await expect
    .poll(() =>
      page
        .locator('.fbd-canvas [data-handle-for]')
        .evaluateAll((handles) => handles.map((h) => h.getAttribute('data-handle-for'))),
    )
    .not.toEqual(before);
  const label = page
    .getByRole('region', { name: '名称', exact: true })
    .getByRole('textbox', { name: '中文' });
  await label.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('键盘字段');
  await page.keyboard.press('Tab');
  await saveByKeyboard(page, page.getByRole('toolbar', { name: '设计器工具栏' }));
  const form = await headOf(hr, 'kb-checkin');
  expect(JSON.stringify(form)).toContain('键盘字段');
  expect(JSON.stringify(form)).toContain(`"${fieldId}"`);

  // The board designer: add a KPI card from the palette with Enter; arrows move it, Shift+arrows
  // resize it; choose its source form with the keyboard; save.
  await page.goto('/boards/kb-progress/design');
  const widgetSearch = page.getByRole('searchbox', { name: '搜索组件' });
  await widgetSearch.focus();
  await page.keyboard.type('指标');
  await tabTo(page, page.getByRole('button', { name: '添加 指标卡' }));
  await page.keyboard.press('Enter');
  const addedText = await (await announced(page, /已添加 指标卡，位于第 \d+ 列、第 \d+ 行。/)).textContent();
  const column = Number(addedText?.match(/第 (\d+) 列/)?.[1]);
  const widgetCard = page.locator('[data-card-for]:focus');
  await expect(widgetCard).toHaveCount(1);
  const widgetId = String(await widgetCard.getAttribute('data-card-for'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await announced(page, `已移动到第 ${column + 2} 列`);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await announced(page, /的大小为 4 列 × 4 行。/);
  const source = page.getByLabel('来源表单');
  await source.focus();
  for (let i = 0; i < 30 && (await source.inputValue()) !== 'weekly-checkin'; i++)
    await page.keyboard.press('ArrowDown');
  await expect(source).toHaveValue('weekly-checkin');
  await page.keyboard.press('Tab');
  await saveByKeyboard(page, page.getByRole('toolbar', { name: '看板设计器工具栏' }));
  const board = (await headOf(hr, 'kb-progress')) as {
    widgets: { id: string; layout: Record<string, number>; query?: { source: string } }[];
  };
  const added = board.widgets.find((w) => w.id === widgetId);
  expect(added?.layout).toMatchObject({ x: column + 1, w: 4, h: 4 });
  expect(added?.query?.source).toBe('weekly-checkin');

  // The workflow designer: "+" between the first two steps adds an approval; its settings; save. Then
  // a card is carried into the other branch of an approval: Space, Right, Space; save again.
  await page.goto('/workflows/kb-alert/design');
  const plus = page.getByRole('button', { name: '在“站内信通知直属主管”之后添加步骤' });
  await page.getByRole('button', { name: /^步骤：通知 站内信通知直属主管/ }).focus();
  await tabTo(page, plus);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('group', { name: '添加哪种步骤' });
  await tabTo(page, menu.getByRole('button', { name: '审批' }));
  await page.keyboard.press('Enter');
  await announced(page, '已添加审批步骤');
  await expect(page.getByRole('button', { name: /^步骤：审批 审批/ })).toBeFocused();
  const stepName = page.getByRole('textbox', { name: '步骤名称' });
  await stepName.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('人事复核');
  await tabTo(page, page.getByRole('textbox', { name: '处理时限' }), 30);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('P3D');
  await page.keyboard.press('Tab');
  await saveByKeyboard(page, page.getByRole('toolbar', { name: '流程设计器工具栏' }));
  await page.screenshot({ path: '../../docs/screenshots/keyboard-designers.png', fullPage: true });
  type SavedWorkflow = {
    steps: {
      id: string;
      type: string;
      title?: Record<string, string>;
      next?: string;
      onApprove?: string;
      onReject?: string;
      due?: string;
    }[];
  };
  const workflow = (await headOf(hr, 'kb-alert')) as SavedWorkflow;
  const approval = workflow.steps.find((s) => s.title?.['zh-CN'] === '人事复核');
  // It sits between the two steps: the first leads to it, it goes on (approved) where the first went.
  expect(approval).toMatchObject({ type: 'approval', due: 'P3D' });
  expect(approval?.onApprove ?? approval?.next).toBe('confirmFollowUp');
  expect(workflow.steps.find((s) => s.id === 'notifySupervisor')?.next).toBe(approval?.id);

  // "告知员工" sits alone in the approved arm of "主管确认跟进"; Right takes it to the rejected arm.
  const arm = (name: string) =>
    page
      .getByRole('region', { name, exact: true })
      .last()
      .locator('[data-step-id]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-step-id')));
  const tell = page.locator('.fbw-flow [data-step-id="tellOwner"]');
  await tell.focus();
  await page.keyboard.press('Space');
  await announced(page, /已拿起步骤“告知员工”。 上\/下键选择位置/);
  await page.keyboard.press('ArrowRight');
  await announced(page, '“告知员工”将放在“主管确认跟进”的驳回开头。');
  await expect(page.locator('.fbw-flow .fbd-drop-indicator')).toBeVisible();
  await page.keyboard.press('Space');
  await announced(page, '已移动步骤“告知员工”。 现在位于“主管确认跟进”的驳回开头。');
  await expect(tell).toBeFocused();
  await expect.poll(() => arm('驳回')).toEqual(['tellOwner']);
  await saveByKeyboard(page, page.getByRole('toolbar', { name: '流程设计器工具栏' }), 3);
  const moved = (await headOf(hr, 'kb-alert')) as SavedWorkflow;
  expect(moved.steps.find((s) => s.id === 'confirmFollowUp')).toMatchObject({
    onApprove: 'done',
    onReject: 'tellOwner',
  });
  expect(moved.steps.find((s) => s.id === 'tellOwner')?.next).toBe('done');
  await hr.dispose();
});
