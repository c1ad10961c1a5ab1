import { dashboardKind } from './dashboardKind.ts';
import type { DefinitionKind } from './DefinitionKind.ts';
import { formKind } from './formKind.ts';

/** Every definition kind by its `kind` value. */
export const DEFINITION_KINDS: ReadonlyMap<string, DefinitionKind<never>> = new Map<
  string,
  DefinitionKind<never>
>([['form', formKind as DefinitionKind<never>]]);
