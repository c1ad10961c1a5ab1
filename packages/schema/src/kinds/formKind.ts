import { type FormDefinition, formDefinitionSchema } from '../schemas/formDefinition.ts';
import { checkForm } from './checkForm.ts';
import type { DefinitionKind } from './DefinitionKind.ts';

export const formKind: DefinitionKind<FormDefinition> = {
  kind: 'form',
  schema: formDefinitionSchema,
  check: (form, report, context, memo, keysOf) => checkForm(form, report, memo, context, keysOf),
};
