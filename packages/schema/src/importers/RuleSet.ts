import { type Node, print } from '@formboard/formula';
import { and, bool, isBool, or } from './formulaNodes.ts';
import type { ImportNotes } from './ImportNotes.ts';
import type { JsonObject } from './normalizeSchema.ts';
import type { Origin, Origins } from './Origins.ts';

interface Entry {
  visible?: Node;
  readOnly?: Node;
  required?: Node;
  origin: Origin;
}

/**
 * Collects the rules of an import, one per target data path as form definitions require: a field's
 * visibility and read-only conditions from where it is placed, and conditions that make it required.
 */
export class RuleSet {
  readonly #entries = new Map<string, Entry>();

  #entry(target: string, origin: Origin): Entry {
    let entry = this.#entries.get(target);
    if (!entry) {
      entry = { origin };
      this.#entries.set(target, entry);
    }
    return entry;
  }

  /**
   * Records one placement of `target` with the conditions under which it is visible and read-only.
   * A field placed twice is visible when either placement is, and read-only when both are.
   */
  place(target: string, visible: Node, readOnly: Node, origin: Origin, notes: ImportNotes): void {
    const entry = this.#entry(target, origin);
    if (entry.visible === undefined || entry.readOnly === undefined) {
      entry.visible = visible;
      entry.readOnly = readOnly;
      // Issues with the rule are reported where its conditions come from.
      if (!isBool(visible, true) || !isBool(readOnly, false)) entry.origin = origin;
      return;
    }
    if (print(entry.visible) !== print(visible) || print(entry.readOnly) !== print(readOnly)) {
      notes.add({
        ...origin,
        severity: 'changed',
        code: 'rule.merged',
        message: {
          'zh-CN': `${target} 放置了多次且条件不同：任一处显示即显示，两处都只读才只读`,
          en: `${target} is placed more than once with different rules: it is shown when either placement is, read-only when both are`,
        },
      });
    }
    entry.visible = or(entry.visible, visible);
    entry.readOnly = and(entry.readOnly, readOnly);
  }

  /** Makes `target` required when `condition` holds (several conditions: when any holds). */
  require(target: string, condition: Node, origin: Origin): void {
    const entry = this.#entry(target, origin);
    entry.required = entry.required === undefined ? condition : or(entry.required, condition);
  }

  /** The rules as definition JSON, recording where each came from. */
  toRules(origins: Origins): JsonObject[] {
    const rules: JsonObject[] = [];
    for (const [target, entry] of this.#entries) {
      const rule: JsonObject = { target };
      if (entry.visible && !isBool(entry.visible, true)) rule.visible = print(entry.visible);
      if (entry.required && !isBool(entry.required, false)) rule.required = print(entry.required);
      if (entry.readOnly && !isBool(entry.readOnly, false)) rule.readOnly = print(entry.readOnly);
      if (Object.keys(rule).length === 1) continue;
      origins.add(`/rules/${rules.length}`, entry.origin);
      rules.push(rule);
    }
    return rules;
  }
}

/** No condition: always visible, never read-only. */
export const ALWAYS = { visible: bool(true), readOnly: bool(false) } as const;
