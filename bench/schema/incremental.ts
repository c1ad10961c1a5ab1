// The designer's case: one validator (createDefinitionValidator) follows a form as it is edited, and
// every call validates a version it has never seen, one edit away from the one before.

import { isDeepStrictEqual } from 'node:util';
import { createDefinitionValidator, type DefinitionValidator, validateDefinition } from '@formboard/schema';
import { now } from './clock.ts';
import type { Edit } from './edits.ts';

type Json = Record<string, unknown>;

/** Versions are made this many at a time, off the clock, then validated in order on it. */
const BATCH = 64;

/** A validator following a form through one kind of edit. */
export interface EditSession {
  readonly name: string;
  readonly what: string;
  /** Validates `n` new versions, each one edit after the last; returns the nanoseconds the validation took. */
  readonly time: (n: number) => number;
  /** The version last validated. */
  readonly current: () => Json;
  /** Validates the current version again with a fresh validator and with validateDefinition: equal? */
  readonly agreesWithCold: () => boolean;
}

/**
 * A session over `edit`, starting from `form` (validated once, off the clock, to fill the memo as the
 * designer does when it opens a form). Stops the process if a version is not valid: the edits are
 * meant to keep the form valid, so the timing covers the full check of a valid form.
 */
export function editSession(
  name: string,
  what: string,
  form: Json,
  edit: Edit,
  fail: (text: string) => never,
): EditSession {
  const validate: DefinitionValidator = createDefinitionValidator();
  let doc = form;
  let k = 0;
  if (!validate(doc).ok) fail(`${name}: the starting form is not valid`);
  return {
    name,
    what,
    time: (n) => {
      let ns = 0;
      for (let left = n; left > 0; left -= BATCH) {
        const versions: Json[] = [];
        for (let i = 0; i < Math.min(left, BATCH); i++) {
          doc = edit(doc, k++);
          versions.push(doc);
        }
        const start = now();
        let valid = 0;
        for (const version of versions) if (validate(version).ok) valid++;
        ns += now() - start;
        if (valid !== versions.length) fail(`${name}: an edited version was rejected (edit ${k})`);
      }
      return ns;
    },
    current: () => doc,
    agreesWithCold: () => isDeepStrictEqual(validate(doc), validateDefinition(structuredClone(doc))),
  };
}

/**
 * What an edit that breaks the JSON Schema costs (a rule's formula emptied while the author retypes
 * it), and the edit that repairs it: medians of `rounds` of each, with one validator following along.
 * Schema-invalid versions are explained by a full all-errors pass, which is not incremental.
 */
export function breakAndRepair(
  form: Json,
  rounds: number,
  fail: (text: string) => never,
): { broken: number; repaired: number } {
  const validate = createDefinitionValidator();
  validate(form);
  let doc = form;
  const broken: number[] = [];
  const repaired: number[] = [];
  for (let k = 0; k < 2 * rounds; k++) {
    const rules = [...(doc.rules as Json[])];
    rules[3] = { ...rules[3], visible: k % 2 === 0 ? '' : `s1_f5 <> "${k}"` };
    doc = { ...doc, rules };
    const start = now();
    const result = validate(doc);
    const ms = (now() - start) / 1e6;
    if (result.ok === (k % 2 === 0))
      fail(`breakAndRepair: version ${k} was ${result.ok ? 'accepted' : 'rejected'}`);
    if (k >= 2) (k % 2 === 0 ? broken : repaired).push(ms);
  }
  if (!isDeepStrictEqual(validate(doc), validateDefinition(structuredClone(doc))))
    fail('breakAndRepair: answers differ');
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { broken: median(broken), repaired: median(repaired) };
}
