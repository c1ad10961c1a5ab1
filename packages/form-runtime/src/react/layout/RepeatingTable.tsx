import { type FieldInfo, type FieldNode, localize } from '@formboard/schema';
import { flushSync } from 'react-dom';
import { FieldView } from '../FieldView.tsx';
import { lastSegment } from '../fieldOptions.ts';
import { useRenderer } from '../RendererContext.ts';
import { shallowEqualArrays, useFieldSelector } from '../useSelector.ts';
import { ColumnTotal, totalledAs } from './ColumnTotal.tsx';
import type { NodeOf } from './nodeTypes.ts';
import { RowActions } from './RowActions.tsx';

/** One column of a repeating table. */
export interface TableColumn {
  readonly id: string;
  readonly node: FieldNode;
  readonly field: FieldInfo;
  readonly label: string;
  /** How the footer totals it (undefined: no total). */
  readonly total: 'number' | 'percent' | 'currency' | undefined;
}

interface TableMeta {
  readonly count: number;
  readonly visible: boolean;
  readonly readOnly: boolean;
}
const sameMeta = (a: TableMeta, b: TableMeta) =>
  a.count === b.count && a.visible === b.visible && a.readOnly === b.readOnly;

/**
 * Rows of sub-fields: add, remove, duplicate and reorder rows (buttons, so the keyboard can do it),
 * number columns totalled in the footer. The table listens to its row count only: typing in a cell
 * re-renders that cell (and what depends on it), not the table.
 */
export function RepeatingTable({ node }: { readonly node: NodeOf<'repeatingTable'> }) {
  const r = useRenderer();
  const meta = useFieldSelector(
    r.engine,
    node.path,
    (s) => ({ count: Array.isArray(s.value) ? s.value.length : 0, visible: s.visible, readOnly: s.readOnly }),
    sameMeta,
  );
  const tableField = r.index.fields.get(node.path);
  if (!meta.visible || !tableField) return null;
  const base = r.domId(node.path);
  const title = localize(node.title ?? tableField.title, r.locale) || lastSegment(node.path);
  const columns: TableColumn[] = [];
  for (const childId of node.children) {
    const child = r.layout.node(childId);
    const field = child?.type === 'field' ? r.index.fields.get(`${node.path}[].${child.path}`) : undefined;
    if (child?.type !== 'field' || !field) continue;
    const widget = r.widgetFor(child, field.path);
    const label = localize(child.label ?? field.title, r.locale) || lastSegment(child.path);
    columns.push({ id: childId, node: child, field, label, total: totalledAs(field, widget?.name) });
  }
  const editable = !r.readOnly && !meta.readOnly;
  const rows = Array.from({ length: meta.count }, (_, i) => i);
  const act = (change: () => void, focusId: string) => {
    flushSync(change);
    document.getElementById(focusId)?.focus();
  };
  return (
    <fieldset className="fb-table-field">
      <legend className="fb-label">
        <span id={`${base}-label`}>{title}</span>
        {tableField.required && editable ? (
          <span className="fb-required">
            <span aria-hidden="true">*</span>
            <span className="fb-visually-hidden">{r.messages.requiredMarker}</span>
          </span>
        ) : null}
      </legend>
      <div className="fb-table-scroll">
        <table className="fb-table" aria-labelledby={`${base}-label`}>
          <thead>
            <tr>
              <th scope="col">{r.messages.rowNumber}</th>
              {columns.map((c) => (
                <th key={c.id} scope="col">
                  {c.label}
                  {c.field.required && editable ? (
                    <span className="fb-required" aria-hidden="true">
                      *
                    </span>
                  ) : null}
                </th>
              ))}
              {editable ? (
                <th scope="col">
                  <span className="fb-visually-hidden">{r.messages.rowActions}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th scope="row">{row + 1}</th>
                {columns.map((c) => (
                  <td key={c.id} className="fb-cell">
                    <FieldView node={c.node} path={`${node.path}[${row}].${c.node.path}`} row={row} />
                  </td>
                ))}
                {editable ? (
                  <td>
                    <RowActions table={node.path} base={base} row={row} count={meta.count} act={act} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          {columns.some((c) => c.total) && meta.count > 0 ? (
            <tfoot>
              <tr>
                <th scope="row">{r.messages.total}</th>
                {columns.map((c) => (
                  <td key={c.id}>{c.total ? <ColumnTotal table={node.path} column={c} /> : null}</td>
                ))}
                {editable ? <td /> : null}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {meta.count === 0 ? <p className="fb-help">{r.messages.noRows}</p> : null}
      <TableFooter
        path={node.path}
        base={base}
        editable={editable}
        addLabel={localize(node.addLabel, r.locale) || r.messages.addRow}
        onAdd={() =>
          act(
            () => r.engine.addRow(node.path),
            r.domId(`${node.path}[${meta.count}].${columns[0]?.node.path ?? ''}`),
          )
        }
      />
    </fieldset>
  );
}

/** Props of a table's footer. */
interface TableFooterProps {
  readonly path: string;
  readonly base: string;
  readonly editable: boolean;
  readonly addLabel: string;
  readonly onAdd: () => void;
}

/**
 * Problems of the table as a whole (too few rows, weights not adding up) and the add button, which
 * carries the table's id: the error summary focuses it for those problems.
 */
function TableFooter({ path, base, editable, addLabel, onAdd }: TableFooterProps) {
  const r = useRenderer();
  const issues = useFieldSelector(r.engine, path, (s) => s.issues, shallowEqualArrays);
  const shown = r.readOnly ? [] : issues;
  return (
    <>
      {shown.length > 0 ? (
        <div className="fb-error" id={`${base}-error`}>
          {shown.map((issue) => (
            <p key={issue.keyword}>{issue.message[r.locale]}</p>
          ))}
        </div>
      ) : null}
      {editable ? (
        <button
          type="button"
          className="fb-button"
          id={base}
          aria-describedby={shown.length > 0 ? `${base}-error` : undefined}
          onClick={onAdd}
        >
          {addLabel}
        </button>
      ) : null}
    </>
  );
}
