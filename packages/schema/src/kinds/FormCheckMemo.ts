import {
  analyzeFormula,
  createDependencyGraph,
  type DependencyMap,
  type RejectedFormula,
  type TypeName,
} from '@formboard/formula';
import { type FieldIndex, type FieldIndexMemo, indexFields } from '../fields/fieldIndex.ts';
import type { FieldScope } from '../fields/fieldScope.ts';
import type { DataSchema } from '../schemas/dataSchema.ts';
import type { DefinitionIssue, Report } from '../validate/issues.ts';
import { FORMULA_VARIABLES, type FormulaFacts } from './checkFormula.ts';

/** A formula parsed and checked (its type and reads), or its issues. */
export type FormulaAnalysis = FormulaFacts | RejectedFormula;

/** One formula's analysis and the field types it read to get it. */
interface FormulaEntry {
  readonly analysis: FormulaAnalysis;
  /** Each name the checker looked up, with the type it got (undefined: no such field). */
  readonly reads: readonly (readonly [string, TypeName | undefined])[];
  /** The checker listed every name (to suggest one for a typo): any change of fields may matter. */
  readonly readsAllNames: boolean;
  /** The index shape it was last found valid for. */
  shape: object;
  /** The number of the last validation that used it. */
  used: number;
}

/** The parts of a form's meaning checks whose issues are remembered, each by its own object. */
export type FormSection =
  | 'required'
  | 'layout'
  | 'rules'
  | 'computed'
  | 'validations'
  | 'messages'
  | 'access';

/**
 * What the meaning checks of a form remember between validations of the same form as it is edited
 * (see createDefinitionValidator). Everything is keyed by object identity or by the formula text, so
 * it is right only while definitions are never mutated after validation.
 *
 * - The field index per data schema, and its entries per field schema object (`indexFields` re-reads
 *   only edited fields).
 * - An index *shape* token: the same object as long as the paths, their order, kinds, formula types
 *   and table membership are the same — all that the checks read from the index.
 * - Per section (layout, rules, …): its issues, by the section's object and the shape.
 * - Per formula text and scope: its analysis, valid while every field it read has the same type (or,
 *   if it listed all names for a suggestion, while the shape is the same).
 * - The cycles of the last dependency map of computed fields.
 */
export class FormCheckMemo {
  private readonly fieldIndexes: FieldIndexMemo = new WeakMap();
  private readonly indexes = new WeakMap<object, FieldIndex>();
  private last: { readonly index: FieldIndex; readonly shape: object } | undefined;
  /** Formula entries by scope key, then by formula text. */
  private readonly formulas = new Map<string, Map<string, FormulaEntry>>();
  private formulaCount = 0;
  private lastCycles:
    | { readonly map: DependencyMap; readonly cycles: readonly (readonly string[])[] }
    | undefined;
  private validation = 0;
  private readonly sections = new Map<
    FormSection,
    WeakMap<object, { shape: object; issues: DefinitionIssue[] }>
  >();

  /** Starts checking one form; formulas unused in the last two are forgotten once they pile up. */
  begin(): void {
    this.validation++;
    if (this.formulaCount < 1024) return;
    this.formulaCount = 0;
    for (const byText of this.formulas.values()) {
      for (const [text, entry] of byText) {
        if (entry.used < this.validation - 2) byText.delete(text);
        else this.formulaCount++;
      }
    }
  }

  /** The field index of a form's data schema, re-reading only the fields that changed. */
  indexOf(data: DataSchema): FieldIndex {
    let index = this.indexes.get(data);
    if (!index) {
      index = indexFields(data, '/data', this.fieldIndexes);
      this.indexes.set(data, index);
    }
    return index;
  }

  /** A token that stays the same object while the index looks the same to the checks. */
  shapeOf(index: FieldIndex): object {
    const last = this.last;
    const shape = last && (last.index === index || sameShape(last.index, index)) ? last.shape : {};
    this.last = { index, shape };
    return shape;
  }

  /** Reports the issues of one section, running `run` only if its object or the index shape changed. */
  section(
    name: FormSection,
    key: object | undefined,
    shape: object,
    report: Report,
    run: (report: Report) => void,
  ): void {
    if (key === undefined) {
      run(report);
      return;
    }
    let byKey = this.sections.get(name);
    if (!byKey) {
      byKey = new WeakMap();
      this.sections.set(name, byKey);
    }
    let known = byKey.get(key);
    if (!known || known.shape !== shape) {
      const issues: DefinitionIssue[] = [];
      run((pointer, code, message, value) => {
        issues.push(value === undefined ? { pointer, code, message } : { pointer, code, message, value });
      });
      known = { shape, issues };
      byKey.set(key, known);
    }
    for (const issue of known.issues) report(issue.pointer, issue.code, issue.message, issue.value);
  }

  /** The cycles among computed fields, found again only when what they read changed. */
  cyclesOf(map: DependencyMap): readonly (readonly string[])[] {
    const last = this.lastCycles;
    if (last && sameDependencies(last.map, map)) return last.cycles;
    const { cycles } = createDependencyGraph(map);
    this.lastCycles = { map, cycles };
    return cycles;
  }

  /** A formula's analysis in a scope, re-checked only if a field it read changed. */
  analyze(source: string, scope: FieldScope, shape: object): FormulaAnalysis {
    // Two levels, so the key is the formula text itself: unchanged formulas are the same string
    // objects from one version of a definition to the next, with their hash already computed.
    let byText = this.formulas.get(scope.key);
    if (!byText) {
      byText = new Map();
      this.formulas.set(scope.key, byText);
    }
    const known = byText.get(source);
    if (known && (known.shape === shape || (!known.readsAllNames && stillReads(known, scope)))) {
      known.shape = shape;
      known.used = this.validation;
      return known.analysis;
    }
    const reads: [string, TypeName | undefined][] = [];
    let readsAllNames = false;
    const fields = {
      get: (path: string) => {
        const type = scope.get(path);
        reads.push([path, type]);
        return type;
      },
      keys: () => {
        readsAllNames = true;
        return scope.keys();
      },
    };
    const analyzed = analyzeFormula(source, { fields, variables: FORMULA_VARIABLES });
    // Kept without its tree, which the checks never read again. V8 allocates in the old generation
    // from the code sites whose objects tend to survive: a memo holding every formula's AST would make
    // the parser's nodes such sites, and slow down every cold validation in the same process.
    const analysis: FormulaAnalysis = analyzed.ok
      ? { ok: true, type: analyzed.type, dependencies: analyzed.dependencies }
      : analyzed;
    if (!known) this.formulaCount++;
    byText.set(source, { analysis, reads, readsAllNames, shape, used: this.validation });
    return analysis;
  }
}

function sameDependencies(a: DependencyMap, b: DependencyMap): boolean {
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== otherKeys[i]) return false;
    const reads = a[key] as readonly string[];
    const otherReads = b[key] as readonly string[];
    if (reads.length !== otherReads.length || reads.some((read, j) => read !== otherReads[j])) return false;
  }
  return true;
}

function stillReads(entry: FormulaEntry, scope: FieldScope): boolean {
  for (const [path, type] of entry.reads) if (scope.get(path) !== type) return false;
  return true;
}

// Same paths in the same order with the same kind, formula type and table membership. Fields the
// index memo reused are the same objects, so most comparisons stop at identity.
function sameShape(a: FieldIndex, b: FieldIndex): boolean {
  if (a.fields.size !== b.fields.size) return false;
  const others = b.fields.values();
  for (const field of a.fields.values()) {
    const other = others.next().value;
    if (other === field) continue;
    if (
      !other ||
      other.path !== field.path ||
      other.kind !== field.kind ||
      other.formulaType !== field.formulaType ||
      other.inTable !== field.inTable
    )
      return false;
  }
  return true;
}
