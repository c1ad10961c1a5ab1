import type { ErrorObject } from 'ajv';
import { explain as explainDashboard } from '../generated/dashboardExplaining.ts';
import { walk as walkDashboard } from '../generated/dashboardWalking.ts';
import { explain as explainForm } from '../generated/formExplaining.ts';
import { walk as walkForm } from '../generated/formWalking.ts';
import { explain as explainPack } from '../generated/packExplaining.ts';
import { walk as walkPack } from '../generated/packWalking.ts';
import { explain as explainWorkflow } from '../generated/workflowExplaining.ts';
import { walk as walkWorkflow } from '../generated/workflowWalking.ts';
import { dashboardDefinitionSchema } from '../schemas/dashboardDefinition.ts';
import { formDefinitionSchema } from '../schemas/formDefinition.ts';
import { templatePackManifestSchema } from '../schemas/templatePack.ts';
import { workflowDefinitionSchema } from '../schemas/workflowDefinition.ts';
import type { WalkingValidator } from './schemaWalk.ts';

// The validators of each definition schema, generated ahead of time by
// scripts/generateValidators.ts (ajv's standalone code, in src/generated/): nothing is compiled at run
// time, so no `new Function` (which a strict Content-Security-Policy forbids) and no compile delay
// on the first validation.

/** A generated all-errors validator: after a call that answered false, `errors` says why. */
export interface ExplainingValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** A schema's validators: the fast "valid?" one, and the one that reports every error. */
export interface SchemaValidators {
  /**
   * Whether a document is valid, stopping at the first error; call as `walk.call(schemaWalk, data, 0)`
   * with `ONE_SHOT` (nothing remembered) or a `SchemaMemo`.
   */
  readonly walk: WalkingValidator;
  /** Every error of an invalid document (ajv's all-errors, verbose output). */
  readonly explain: ExplainingValidator;
}

const GENERATED = new Map<object, SchemaValidators>([
  [formDefinitionSchema, { walk: walkForm, explain: explainForm }],
  [dashboardDefinitionSchema, { walk: walkDashboard, explain: explainDashboard }],
  [workflowDefinitionSchema, { walk: walkWorkflow, explain: explainWorkflow }],
  [templatePackManifestSchema, { walk: walkPack, explain: explainPack }],
]);

/** The generated validators of a definition kind's schema. */
export function validatorsFor(schema: object): SchemaValidators {
  const validators = GENERATED.get(schema);
  if (!validators) {
    throw new Error(
      'no generated validators for this schema: add its kind to DEFINITION_KINDS and run pnpm --filter @formboard/schema generate',
    );
  }
  return validators;
}
