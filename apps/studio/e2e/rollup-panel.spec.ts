import { expect, test } from '@playwright/test';
import { type ApiCaller, apiAs, signIn } from './support.ts';

// Issue 7: HR sets up a roll-up field in the form designer ("汇总自子表单"), with the choices only, no
// JSON: an objective whose progress is the weighted average of its key results' progress, counting
// only key results with a weight. Two copies of the pack's forms keep the journey to itself: the copied
// objective still rolls up from the pack's key results (which point at the pack's objective), so the
// panel warns; HR picks the copied key results instead, and what is saved is read back through the API.
// Then the other side: editing the key results, the weight says the objective's roll-up reads it, a
// delete is warned about first, and the server refuses to publish the key results without it.

const OBJECTIVE = 'ru-objective';
const KEY_RESULT = 'ru-key-result';

/** Creates `id` (version 1, a draft) from a definition of the demo, changed by `change`. */
async function createFrom(
  api: ApiCaller,
  from: string,
  id: string,
  change: (definition: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const current = await (await api.get(`/api/definitions/${from}`)).json();
  const definition = change({ ...current.version.content, id });
  const created = await api.post('/api/definitions', { definition, message: '汇总旅程' });
  expect(created.status(), `copy of ${from}`).toBe(201);
}

interface SavedRollups {
  rollups?: Record<string, unknown>[];
}

test('HR rolls an objective’s progress up from its key results in the property panel', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  const hr = await apiAs(String(baseURL), 'hr');
  await createFrom(hr, 'objective', OBJECTIVE, (d) => ({
    ...d,
    title: { 'zh-CN': '汇总目标', en: 'Roll-up objective' },
  }));
  await createFrom(hr, 'key-result', KEY_RESULT, (d) => {
    const data = d.data as { properties: Record<string, Record<string, unknown>> };
    const objective = { ...data.properties.objective, 'x-form': OBJECTIVE };
    return {
      ...d,
      title: { 'zh-CN': '汇总关键结果', en: 'Roll-up key result' },
      data: { ...data, properties: { ...data.properties, objective } },
    };
  });
  await signIn(page, 'hr');
  await page.goto(`/forms/${OBJECTIVE}/design`);

  // Select 进度 on the canvas: its roll-up still reads the pack's key results, which do not point here.
  await page.locator('.fbd-canvas [data-handle-for="fProgress"]').click();
  const panel = page.getByRole('region', { name: '汇总自子表单' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('list')).toContainText('不是指向本表单（ru-objective）记录的关联字段');
  // A warning against another form does not hold up saving: there are no problems of the form itself.
  await expect(page.getByRole('button', { name: /个问题/ })).toHaveCount(0);

  // The child forms offered are those pointing here (the copied key results), then the one it names now.
  const child = panel.getByRole('combobox', { name: '子表单' });
  await expect(child.locator('option')).toHaveText(['（不汇总）', '汇总关键结果', '关键结果']);
  await child.selectOption({ label: '汇总关键结果' });
  await expect(panel.getByRole('combobox', { name: '子表单中指向本记录的字段' })).toHaveValue('objective');
  // The weighted average fits the new child form too: it is kept, with its progress and weight.
  await expect(panel.getByRole('combobox', { name: '汇总方式' })).toHaveValue('weightedAvg');
  await expect(panel.getByRole('combobox', { name: '权重字段' })).toHaveValue('weight');
  await expect(panel.getByRole('list')).toHaveCount(0);

  // A count, then undo (Ctrl+Z) back to the weighted average: each choice is one step.
  await panel.getByRole('combobox', { name: '汇总方式' }).selectOption({ label: '计数（有几条）' });
  await expect(panel.getByRole('combobox', { name: '汇总哪个字段' })).toHaveCount(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(panel.getByRole('combobox', { name: '汇总方式' })).toHaveValue('weightedAvg');

  // Only key results with a weight count: a condition over the key result's own fields.
  const where = panel.getByRole('combobox', { name: '只汇总符合条件的记录' });
  await where.fill('weight > 0');
  await where.blur();
  await expect(panel.getByText(/^本字段 =/)).toHaveText(
    '本字段 = “所属目标”指向本记录的各条“汇总关键结果”记录中“进度”的加权平均（按“权重”加权）',
  );

  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '../../docs/screenshots/rollup-panel.png' });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已保存第 2 版/)).toBeVisible();
  // The designer stays as it was after saving (a new version of this form reloads the list of forms).
  await expect(panel.getByRole('combobox', { name: '汇总方式' })).toHaveValue('weightedAvg');
  await expect(page.getByRole('button', { name: '撤销' })).toBeEnabled();
  const saved = (await (await hr.get(`/api/definitions/${OBJECTIVE}`)).json()).version
    .content as SavedRollups;
  expect(saved.rollups).toEqual([
    {
      target: 'progress',
      from: KEY_RESULT,
      via: 'objective',
      measure: 'weightedAvg',
      field: 'progress',
      weight: 'weight',
      where: 'weight > 0',
    },
  ]);

  // The other side: both published, HR edits the key results. The weight says the objective reads it.
  for (const [id, version] of [
    [KEY_RESULT, 1],
    [OBJECTIVE, 2],
  ] as const)
    expect((await hr.post(`/api/definitions/${id}/publish`, { version })).status(), id).toBe(200);
  const keyResult = (await (await hr.get(`/api/definitions/${KEY_RESULT}`)).json()).version.content as {
    layout: { nodes: Record<string, { path?: string }> };
  };
  const weightNode = Object.keys(keyResult.layout.nodes).find(
    (id) => keyResult.layout.nodes[id]?.path === 'weight',
  );
  await page.goto(`/forms/${KEY_RESULT}/design`);
  const handle = page.locator(`.fbd-canvas [data-handle-for="${weightNode}"]`);
  await handle.click();
  const uses = page.getByRole('region', { name: '被汇总使用' });
  // It weighs by it, and its condition (weight > 0) reads it.
  await expect(uses.getByRole('listitem')).toHaveText([
    '“汇总目标”的“进度”（加权平均）以它为权重',
    '“汇总目标”的“进度”（加权平均）在条件中读取它',
  ]);

  // Delete warns first, naming the objective's roll-up; a second Delete deletes.
  const live = page.locator('.fbd-designer [role="status"].fbd-visually-hidden');
  await handle.focus();
  await page.keyboard.press('Delete');
  await expect(live).toContainText('表单“汇总目标”的汇总“进度”用到这个字段，删除后会失效');
  await expect(handle).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(handle).toHaveCount(0);

  // Saved as a draft; publishing it is refused by the server, naming the roll-up and the missing field.
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已保存第 2 版/)).toBeVisible();
  await page.getByRole('button', { name: '发布' }).click();
  await expect(
    page.getByText(/发布会使表单“汇总目标”（ru-objective）的汇总字段 progress 失效/),
  ).toContainText('/data/properties/weight');
  const info = (await (await hr.get(`/api/definitions/${KEY_RESULT}`)).json()).info;
  expect([info.headVersion, info.publishedVersion]).toEqual([2, 1]);
  await hr.dispose();
});
