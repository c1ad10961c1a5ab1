import { useRenderer } from '../RendererContext.ts';

/** Props of one row's buttons. */
export interface RowActionsProps {
  readonly table: string;
  /** DOM id prefix of the table. */
  readonly base: string;
  readonly row: number;
  readonly count: number;
  /** Runs a change now, then focuses the element of that id (focus follows the moved row). */
  readonly act: (change: () => void, focusId: string) => void;
}

/** Move up, move down, duplicate and delete buttons of a table row; focus follows the row. */
export function RowActions({ table, base, row, count, act }: RowActionsProps) {
  const { engine, messages } = useRenderer();
  const id = (i: number, action: string) => `${base}-row-${i}-${action}`;
  const n = row + 1;
  return (
    <div className="fb-row-actions">
      <button
        type="button"
        id={id(row, 'up')}
        aria-label={messages.moveUp(n)}
        disabled={row === 0}
        onClick={() =>
          act(() => engine.moveRow(table, row, row - 1), id(row - 1, row - 1 === 0 ? 'down' : 'up'))
        }
      >
        ↑
      </button>
      <button
        type="button"
        id={id(row, 'down')}
        aria-label={messages.moveDown(n)}
        disabled={row === count - 1}
        onClick={() =>
          act(() => engine.moveRow(table, row, row + 1), id(row + 1, row + 1 === count - 1 ? 'up' : 'down'))
        }
      >
        ↓
      </button>
      <button
        type="button"
        id={id(row, 'copy')}
        aria-label={messages.duplicateRow(n)}
        onClick={() => act(() => engine.duplicateRow(table, row), id(row + 1, 'copy'))}
      >
        ⧉
      </button>
      <button
        type="button"
        id={id(row, 'remove')}
        aria-label={messages.removeRow(n)}
        onClick={() =>
          act(() => engine.removeRow(table, row), count > 1 ? id(Math.min(row, count - 2), 'remove') : base)
        }
      >
        ×
      </button>
    </div>
  );
}
