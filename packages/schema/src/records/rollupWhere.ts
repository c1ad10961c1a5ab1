import { compile, evaluate, type Node, parse } from '@formboard/formula';
import type { FieldIndex } from '../fields/fieldIndex.ts';
import { formulaFieldTypes } from '../fields/fieldScope.ts';
import { DEFAULT_TIME_ZONE } from '../schemas/timeZone.ts';
import type { FormRollup } from './rollupValue.ts';

/** Whether one record of a roll-up's source form counts: its `where` formula gave TRUE. */
export type RollupWhere = (child: Readonly<Record<string, unknown>>) => boolean;

const NONE: RollupWhere = () => false;

/**
 * A roll-up's `where` compiled against the fields of its source form (`from`; dates read as dates),
 * once, for every record it is asked about; undefined when the roll-up has none. A record counts only
 * when the formula gives TRUE — FALSE, blank or an error (`#VALUE!`) leave it out — evaluated in the
 * default time zone (Asia/Shanghai), as the store derives records. Validation refuses a `where` that
 * does not parse; should one reach here anyway, it counts no record rather than every one.
 */
export function compileRollupWhere(rollup: FormRollup, sourceFields: FieldIndex): RollupWhere | undefined {
  if (rollup.where === undefined) return undefined;
  let ast: Node;
  try {
    ast = parse(rollup.where);
  } catch {
    return NONE;
  }
  const compiled = compile(ast, { fields: formulaFieldTypes(sourceFields) });
  return (child) => evaluate(compiled, { data: child, timeZone: DEFAULT_TIME_ZONE }) === true;
}
