import type { LocalizedMessage } from '@formboard/formula';
import type { FieldInfo } from '../fields/fieldIndex.ts';
import type { DashboardWidget } from '../schemas/dashboardWidgets.ts';
import type { Report } from '../validate/issues.ts';
import { checkFilterFormula, isScalar, type SourceLookup, sourceField } from './checkDashboardSources.ts';

type Tree = Extract<DashboardWidget, { type: 'alignmentTree' }>['tree'];

/** Checks an alignment tree's fields: a parent link to the same form, a title, owner and progress. */
export function checkAlignmentTree(tree: Tree, at: string, lookup: SourceLookup, report: Report): void {
  const index = lookup(tree.source, `${at}/source`);
  if (tree.filter !== undefined) checkFilterFormula(tree.filter, `${at}/filter`, index, report);
  if (!index) return;
  const expect = (
    key: 'parentField' | 'titleField' | 'ownerField' | 'progressField',
    ok: (field: FieldInfo) => boolean,
    message: (path: string) => LocalizedMessage,
  ): void => {
    const path = tree[key];
    if (path === undefined) return;
    const field = sourceField(index, path, `${at}/${key}`, report);
    if (field && (field.inTable || !ok(field)))
      report(`${at}/${key}`, 'dashboard.treeField', message(path), path);
  };
  expect(
    'parentField',
    (f) => f.format === 'record' && f.schema['x-form'] === tree.source,
    (path) => ({
      'zh-CN': `上级字段 ${path} 应为指向本表单（${tree.source}）记录的关联字段`,
      en: `parent field ${path} must be a record field pointing at ${tree.source} records`,
    }),
  );
  expect('titleField', isScalar, (path) => ({
    'zh-CN': `标题字段 ${path} 应为单值字段`,
    en: `title field ${path} must hold a single value`,
  }));
  expect(
    'ownerField',
    (f) => f.format === 'user',
    (path) => ({
      'zh-CN': `负责人字段 ${path} 应为人员字段`,
      en: `owner field ${path} must be a user field`,
    }),
  );
  expect(
    'progressField',
    (f) => f.kind === 'number',
    (path) => ({
      'zh-CN': `进度字段 ${path} 应为数字字段`,
      en: `progress field ${path} must be a number field`,
    }),
  );
}
