import { DashboardDesigner } from '@formboard/designer';
import type { DashboardDefinition } from '@formboard/schema';
import '@formboard/dashboard/styles.css';
import '@formboard/designer/designer.css';
import '@formboard/designer/dashboard-designer.css';
import { useState } from 'react';
import { useDefinition } from '../api/queries.ts';
import type { DefinitionWithInfo } from '../api/types.ts';
import { DesignBar } from '../designs/DesignBar.tsx';
import { usePublishedForms } from '../designs/usePublishedForms.ts';
import { useVersionedSaves } from '../designs/useVersionedSaves.ts';
import { useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';
import { previewRows } from './boardLoader.ts';

/** The board designer on a board's head version: save appends a version, publish makes it live. */
export function BoardDesignPage({ boardId }: { readonly boardId: string }) {
  const board = useDefinition(boardId);
  return (
    <QueryView query={board}>{(loaded) => <BoardDesigner key={loaded.info.id} loaded={loaded} />}</QueryView>
  );
}

function BoardDesigner({ loaded }: { readonly loaded: DefinitionWithInfo }) {
  const { locale, t } = useLocale();
  const saves = useVersionedSaves(loaded);
  const sources = usePublishedForms();
  // The designer opens the board once; later saves must not reopen it (that would drop its undo history).
  const [initial] = useState(() => loaded.version.content as unknown as DashboardDefinition);
  return (
    <section className="design" aria-label={t({ 'zh-CN': '看板设计器', en: 'Board designer' })}>
      <DesignBar saves={saves} designPath={(id) => `/boards/${encodeURIComponent(id)}/design`}>
        <a href={`/boards/${encodeURIComponent(saves.id)}`}>
          {t({ 'zh-CN': '查看看板', en: 'Open the board' })}
        </a>
      </DesignBar>
      {sources.loading ? (
        <p role="status">{t({ 'zh-CN': '正在读取表单…', en: 'Loading forms…' })}</p>
      ) : (
        <DashboardDesigner
          definition={initial}
          forms={sources.definitions}
          previewLoader={previewRows}
          locale={locale}
          onSave={saves.save}
        />
      )}
    </section>
  );
}
