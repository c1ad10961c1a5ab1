import { render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { type Mock, vi } from 'vitest';
import type { Dashboard, DashboardDesignerStore, Widget } from '../../../src/dashboard/index.ts';
import { DashboardDesigner, type DashboardDesignerProps } from '../../../src/react/dashboard/index.ts';
import { objectiveForm } from '../../fixtures.ts';
import { createTestBoard, salesForm } from '../fixtures.ts';

/** What a dashboard designer test drives. */
export interface BoardTest {
  readonly designer: DashboardDesignerStore;
  readonly loader: Mock<(widget: Widget) => Promise<readonly Record<string, unknown>[]>>;
  readonly onChange: Mock;
  readonly user: UserEvent;
}

/** Rows for any widget: one per status (active, draft) when it groups (else one), every measure 7 or 3. */
export function sampleRows(widget: Widget): readonly Record<string, unknown>[] {
  if (!('query' in widget)) return [];
  const row = (status: string, n: number) =>
    Object.fromEntries([
      ...(widget.query.groupBy ?? []).map((path) => [path, status]),
      ...widget.query.measures.map((m) => [m.id, n]),
    ]);
  return widget.query.groupBy ? [row('active', 7), row('draft', 3)] : [row('', 7)];
}

/** Renders <DashboardDesigner> over a test designer (counting ids) with a loader answering sample rows. */
export function renderBoard(
  props: Partial<DashboardDesignerProps> = {},
  designer: DashboardDesignerStore = createTestBoard(),
): BoardTest {
  const loader = vi.fn(async (widget: Widget) => sampleRows(widget));
  const onChange = vi.fn();
  const user = userEvent.setup();
  render(
    <DashboardDesigner
      definition={designer.getState().document}
      designer={designer}
      forms={[objectiveForm(), salesForm()]}
      previewLoader={loader}
      previewDebounceMs={0}
      onChange={onChange}
      {...props}
    />,
  );
  return { designer, loader, onChange, user };
}

/** The current document. */
export const boardOf = (designer: DashboardDesignerStore): Dashboard => designer.getState().document;
