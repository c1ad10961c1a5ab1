import type { DefinitionKind } from './DefinitionKind.ts';
import { dashboardKind } from './dashboardKind.ts';
import { formKind } from './formKind.ts';
import { packKind } from './packKind.ts';
import { workflowKind } from './workflowKind.ts';

/** Every definition kind by its `kind` value. */
export const DEFINITION_KINDS: ReadonlyMap<string, DefinitionKind<never>> = new Map<
  string,
  DefinitionKind<never>
>([
  ['form', formKind as DefinitionKind<never>],
  ['dashboard', dashboardKind as DefinitionKind<never>],
  ['workflow', workflowKind as DefinitionKind<never>],
  ['pack', packKind as DefinitionKind<never>],
]);
