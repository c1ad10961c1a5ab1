import type { DefinitionSummary } from '../api/types.ts';
import type { Text } from '../i18n/locale.tsx';

/** How a definition's state reads in lists. */
export const DEFINITION_STATES: Record<DefinitionSummary['state'], Text> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  published: { 'zh-CN': '已发布', en: 'Published' },
  archived: { 'zh-CN': '已归档', en: 'Archived' },
};
