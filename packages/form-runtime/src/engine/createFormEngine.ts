import { type FormDefinition, formKind, validateAs } from '@formboard/schema';
import type { FormEngine } from './FormEngine.ts';
import { openFormEngine } from './openFormEngine.ts';
import type { FormEngineOptions } from './types.ts';

/** Thrown by createFormEngine for a definition that does not validate. */
export class InvalidFormDefinitionError extends Error {
  readonly issues: readonly { pointer: string; message: { 'zh-CN': string; en: string } }[];
  constructor(issues: InvalidFormDefinitionError['issues']) {
    super(`invalid form definition: ${issues.map((i) => `${i.pointer} ${i.message.en}`).join('; ')}`);
    this.name = 'InvalidFormDefinitionError';
    this.issues = issues;
  }
}

/**
 * Creates the engine of a form definition from anywhere: it is validated first (invalid ones throw
 * InvalidFormDefinitionError). For a published version the server validated, `openFormEngine` skips
 * that step and the code it needs (ajv and the definition schemas).
 */
export function createFormEngine(definition: unknown, options: FormEngineOptions = {}): FormEngine {
  const form = options.trustedDefinition ? (definition as FormDefinition) : validFormOrThrow(definition);
  return openFormEngine(form, options);
}

function validFormOrThrow(definition: unknown): FormDefinition {
  const checked = validateAs(formKind, definition);
  if (!checked.ok) throw new InvalidFormDefinitionError(checked.issues);
  return checked.value;
}
