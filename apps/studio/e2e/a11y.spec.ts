import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.ts';

// axe-core is injected as a script; the studio's Content-Security-Policy forbids inline scripts, so
// these checks run with CSP bypassed (the other journeys keep it on).
test.use({ bypassCSP: true });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Serious and critical WCAG A/AA violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const PAGES: readonly { readonly user: string; readonly path: string; readonly ready: string }[] = [
  { user: 'zhangsan', path: '/', ready: '我的待办' },
  { user: 'zhangsan', path: '/forms', ready: '填报' },
  { user: 'zhangsan', path: '/forms/weekly-checkin/fill', ready: '每周进展' },
  { user: 'zhangsan', path: '/forms/weekly-checkin/records', ready: '记录' },
  { user: 'zhangsan', path: '/boards', ready: '看板' },
  { user: 'zhangsan', path: '/boards/weekly-progress', ready: '按周汇总' },
  { user: 'manager', path: '/boards/management', ready: '管理看板' },
  { user: 'manager', path: '/inbox', ready: '待我审批' },
  { user: 'hr', path: '/templates', ready: '模板库' },
  { user: 'hr', path: '/forms/weekly-checkin/import', ready: '导入' },
  { user: 'hr', path: '/definitions/weekly-checkin/history', ready: '版本历史' },
  { user: 'hr', path: '/workflows', ready: '运行记录' },
  { user: 'hr', path: '/workflows/kpi-below-baseline/runs', ready: '运行记录' },
  // The three designers (full page loads: each has its own security policy).
  { user: 'hr', path: '/forms/weekly-checkin/design', ready: '基础字段' },
  { user: 'hr', path: '/boards/weekly-progress/design', ready: '看板设置' },
  { user: 'hr', path: '/workflows/kpi-below-baseline/design', ready: '试运行' },
  { user: 'admin', path: '/admin/people', ready: '导入组织架构' },
  { user: 'admin', path: '/admin/tokens', ready: '新建令牌' },
  { user: 'admin', path: '/admin/connectors', ready: '允许访问的外部地址' },
  { user: 'admin', path: '/admin/audit', ready: '校验完整性' },
];

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

// One sign-in per person (the server limits sign-ins per minute), then each of their pages.
for (const user of [...new Set(PAGES.map((p) => p.user))])
  test(`${user}'s pages have no serious accessibility violations`, async ({ page }) => {
    await signIn(page, user);
    for (const { path, ready } of PAGES.filter((p) => p.user === user)) {
      await page.goto(path);
      await expect(page.getByText(ready).first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      expect.soft(await seriousViolations(page), path).toEqual([]);
    }
  });
