import type { Node } from '@formboard/formula';
import type { FieldIndex } from '../fields/fieldIndex.ts';
import { BUILT_IN_WIDGETS } from '../fields/widgets.ts';
import type { LocalizedText } from '../schemas/localizedText.ts';
import { pointer } from '../validate/issues.ts';
import { conditionToFormula } from './conditionToFormula.ts';
import { isLocalizedText } from './convertScalar.ts';
import { displayValue } from './displayValue.ts';
import type { FieldTree, TreeField } from './FieldTree.ts';
import { and, bool, not } from './formulaNodes.ts';
import type { ImportNotes } from './ImportNotes.ts';
import { conditionTarget, resolveScope } from './jsonFormsScope.ts';
import { jsonFormsTable } from './jsonFormsTable.ts';
import type { LayoutBuilder } from './LayoutBuilder.ts';
import { isObject, type JsonObject } from './normalizeSchema.ts';
import type { Origin } from './Origins.ts';
import { type PlacementContext, placeFields } from './placeSchemaFields.ts';
import type { RuleSet } from './RuleSet.ts';

/** The conditions an element inherits: visible when `visible` holds; read-only when `readOnly` holds. */
export interface Inherited {
  readonly visible: Node;
  readonly readOnly: Node;
  /** True when the element's own rule or `options.readonly` set `readOnly` (schema `readOnly` then has no say). */
  readonly decided?: boolean;
}

/** What walking a JSON Forms UI schema needs. */
export interface JsonFormsContext {
  readonly tree: FieldTree;
  readonly index: FieldIndex;
  readonly notes: ImportNotes;
  readonly builder: LayoutBuilder;
  readonly rules: RuleSet;
}

const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  VerticalLayout: ['elements'],
  HorizontalLayout: ['elements'],
  Group: ['elements', 'label'],
  Categorization: ['elements', 'label'],
  Category: ['elements', 'label'],
  Label: ['text'],
  Control: ['scope', 'label'],
  ListWithDetail: ['scope', 'label'],
};

// Control options that become widgets: option → value → widget per kind of field.
const WIDGET_OPTIONS: Readonly<
  Record<string, (value: unknown) => Partial<Record<string, string>> | undefined>
> = {
  multi: (v) => (v === true ? { string: 'textarea' } : {}),
  slider: (v) => (v === true ? { number: 'slider' } : {}),
  toggle: (v) => (v === true ? { boolean: 'switch' } : {}),
  format: (v) =>
    ({
      radio: { string: 'radio', number: 'radio' },
      date: { string: 'date' },
      'date-time': { string: 'datetime' },
    })[displayValue(v)],
};

const TABLE_OPTIONS = new Set(['detail', 'showSortButtons', 'elementLabelProp', 'labelRef']);

/** Walks a JSON Forms UI schema, building layout nodes and the rules of the fields it places. */
export class JsonFormsLayout {
  readonly #ctx: JsonFormsContext;

  constructor(ctx: JsonFormsContext) {
    this.#ctx = ctx;
  }

  /** The ids of the nodes made for `elements`, in order. */
  elements(list: unknown, at: string, inherited: Inherited): string[] {
    if (!Array.isArray(list)) {
      this.drop(at, 'ui.elements', { 'zh-CN': 'elements 应为数组', en: 'elements must be an array' });
      return [];
    }
    return list.flatMap((element, i) => this.element(element, `${at}/${i}`, inherited));
  }

  /** The ids of the nodes made for one UI schema element (a VerticalLayout gives its children's). */
  element(element: unknown, at: string, inherited: Inherited): string[] {
    if (!isObject(element) || typeof element.type !== 'string') {
      this.drop(at, 'ui.element', {
        'zh-CN': '不是 UI 元素（缺少 type）',
        en: 'not a UI schema element (no type)',
      });
      return [];
    }
    const type = element.type;
    const known = KNOWN_KEYS[type];
    if (!known) {
      this.drop(`${at}/type`, 'ui.elementType', {
        'zh-CN': `不支持元素类型 ${type}`,
        en: `the element type ${type} is not supported`,
      });
      return [];
    }
    this.noteKeys(element, at, known);
    // Text nodes cannot carry rules (noted below), so a Label's rule is not translated.
    const own =
      type === 'Label'
        ? inherited
        : this.ownConditions(element, at, inherited, type === 'Control' || type === 'ListWithDetail');
    const options = isObject(element.options) ? element.options : {};
    switch (type) {
      case 'VerticalLayout':
        this.noteOptions(options, at, new Set());
        return this.elements(element.elements, `${at}/elements`, own);
      case 'HorizontalLayout': {
        this.noteOptions(options, at, new Set());
        const columns = Array.isArray(element.elements)
          ? element.elements
              .map((child, i) => this.element(child, `${at}/elements/${i}`, own))
              .filter((ids) => ids.length > 0)
              .map((ids) => this.add('c', { type: 'column', children: ids }, at))
          : this.elements(element.elements, `${at}/elements`, own);
        return columns.length > 0 ? [this.add('cols', { type: 'columns', children: columns }, at)] : [];
      }
      case 'Group':
      case 'Category': {
        this.noteOptions(options, at, new Set());
        if (type === 'Category') {
          this.#ctx.notes.ui(at, 'changed', 'ui.category', {
            'zh-CN': 'Category 不在 Categorization 中，导入为分区',
            en: 'a Category outside a Categorization was imported as a section',
          });
        }
        const section: JsonObject = {
          type: 'section',
          children: this.elements(element.elements, `${at}/elements`, own),
        };
        const title = this.label(element.label, `${at}/label`);
        if (title !== undefined) section.title = title;
        return [this.add(hintFor('s', title), section, at)];
      }
      case 'Categorization':
        return [this.categorization(element, at, own)];
      case 'Label': {
        this.noteOptions(options, at, new Set());
        if (element.rule !== undefined) {
          this.drop(`${at}/rule`, 'rule.label', {
            'zh-CN': '文字说明不能有显示规则（规则只作用于字段）',
            en: 'text nodes cannot have rules (rules apply to fields)',
          });
        }
        if (!isLocalizedText(element.text)) {
          this.drop(at, 'ui.label', { 'zh-CN': 'Label 没有文字', en: 'the Label has no text' });
          return [];
        }
        return [this.add('text', { type: 'text', content: element.text, format: 'plain' }, at)];
      }
      default:
        return this.control(element, at, own, options, type === 'ListWithDetail');
    }
  }

  /** The element's own rule and `options.readonly` applied on top of what it inherits (JSON Forms' precedence). */
  ownConditions(element: JsonObject, at: string, inherited: Inherited, isControl: boolean): Inherited {
    let { visible, readOnly } = inherited;
    let enableRule = false;
    const rule = element.rule;
    if (rule !== undefined) {
      const effect = isObject(rule) ? rule.effect : undefined;
      const condition = isObject(rule)
        ? conditionToFormula(rule.condition, `${at}/rule/condition`, {
            index: this.#ctx.index,
            notes: this.#ctx.notes,
            source: 'uiSchema',
            consequence: { 'zh-CN': '此规则未导入', en: 'the rule was not imported' },
            resolveScope: (scope) => conditionTarget(scope, this.#ctx.tree, this.#ctx.index),
          })
        : undefined;
      if (!['SHOW', 'HIDE', 'ENABLE', 'DISABLE'].includes(displayValue(effect))) {
        this.drop(`${at}/rule`, 'rule.effect', {
          'zh-CN': `规则的 effect ${JSON.stringify(effect)} 无效，规则未导入`,
          en: `the rule's effect ${JSON.stringify(effect)} is not SHOW, HIDE, ENABLE or DISABLE; the rule was not imported`,
        });
      } else if (condition) {
        if (effect === 'SHOW') visible = and(visible, condition);
        if (effect === 'HIDE') visible = and(visible, not(condition));
        if (effect === 'ENABLE') readOnly = not(condition);
        if (effect === 'DISABLE') readOnly = condition;
        enableRule = effect === 'ENABLE' || effect === 'DISABLE';
        if (!isControl) {
          this.#ctx.notes.ui(`${at}/rule`, 'changed', 'rule.spread', {
            'zh-CN': `${displayValue(element.type)} 上的规则已应用到其中的每个字段（规则只作用于字段）`,
            en: `the rule on this ${displayValue(element.type)} was applied to each field inside it (rules apply to fields)`,
          });
        }
      }
    }
    const options = isObject(element.options) ? element.options : {};
    const flag = typeof options.readonly === 'boolean' ? options.readonly : options.readOnly;
    if (!enableRule && typeof flag === 'boolean') readOnly = bool(flag);
    return { visible, readOnly, decided: enableRule || typeof flag === 'boolean' };
  }

  categorization(element: JsonObject, at: string, own: Inherited): string {
    const options = isObject(element.options) ? element.options : {};
    const stepper = options.variant === 'stepper';
    this.noteOptions(options, at, new Set(['variant']));
    const pane = stepper ? 'step' : 'tab';
    const panes: string[] = [];
    if (!Array.isArray(element.elements)) {
      this.drop(`${at}/elements`, 'ui.elements', {
        'zh-CN': 'elements 应为数组',
        en: 'elements must be an array',
      });
    }
    (Array.isArray(element.elements) ? element.elements : []).forEach((child: unknown, i) => {
      const childAt = `${at}/elements/${i}`;
      if (isObject(child) && child.type === 'Category') {
        const inner = this.ownConditions(child, childAt, own, false);
        this.noteKeys(child, childAt, ['elements', 'label']);
        this.noteOptions(isObject(child.options) ? child.options : {}, childAt, new Set());
        const node: JsonObject = {
          type: pane,
          children: this.elements(child.elements, `${childAt}/elements`, inner),
        };
        const title = this.label(child.label, `${childAt}/label`);
        if (title !== undefined) node.title = title;
        panes.push(this.add(hintFor(pane, title), node, childAt));
        return;
      }
      const ids = this.element(child, childAt, own);
      if (ids.length === 0) return;
      if (!isObject(child) || child.type !== 'Categorization') {
        this.#ctx.notes.ui(childAt, 'changed', 'ui.categoryWrapped', {
          'zh-CN': `Categorization 中的 ${displayValue(isObject(child) ? child.type : child)} 不是 Category，已放入单独的${stepper ? '步骤' : '标签页'}`,
          en: `this ${displayValue(isObject(child) ? child.type : child)} in a Categorization is not a Category; it was put in a ${pane} of its own`,
        });
      }
      const title = isObject(child) ? this.label(child.label, `${childAt}/label`) : undefined;
      panes.push(
        this.add(pane, { type: pane, children: ids, ...(title === undefined ? {} : { title }) }, childAt),
      );
    });
    const container: JsonObject = { type: stepper ? 'steps' : 'tabs', children: panes };
    const title = this.label(element.label, `${at}/label`);
    if (title !== undefined) container.title = title;
    return this.add(stepper ? 'steps' : 'tabs', container, at);
  }

  control(
    element: JsonObject,
    at: string,
    own: Inherited,
    options: JsonObject,
    listWithDetail: boolean,
  ): string[] {
    const { tree, notes } = this.#ctx;
    const scope = typeof element.scope === 'string' ? element.scope : undefined;
    const target = scope === undefined ? undefined : resolveScope(scope, tree.wrapped ? [] : tree.children);
    const field = target?.kind === 'root' ? tree.wrapped : target?.field;
    if (!target || (target.kind === 'property' && !field)) {
      this.drop(`${at}/scope`, 'ui.scope', {
        'zh-CN': `scope ${JSON.stringify(element.scope)} 没有指向已导入的字段，此控件未导入`,
        en: `the scope ${JSON.stringify(element.scope)} does not point at an imported field; the control was not imported`,
      });
      return [];
    }
    const origin: Origin = { source: 'uiSchema', pointer: at };
    const label = this.label(element.label, `${at}/label`);
    if (!field || field.kind === 'group' || field.kind === 'flattened') {
      this.noteOptions(options, at, new Set(['readonly', 'readOnly', 'detail']));
      if (isObject(options.detail) && scope !== undefined) {
        // The object's own UI schema, its scopes relative to the object.
        return this.element(rebaseScopes(options.detail, scope), `${at}/options/detail`, own);
      }
      // A control for an object renders all its fields, as JSON Forms' generated layout would.
      const ids = placeFields(field ? field.children : tree.children, undefined, at, this.placement(own), {
        inTable: false,
        readOnly: false,
      });
      const title = label ?? field?.title ?? field?.sourceKey;
      if (title === undefined) return ids;
      return [this.add(`s_${field?.path ?? 'root'}`, { type: 'section', title, children: ids }, at)];
    }
    if (field.kind === 'table') {
      if (listWithDetail) {
        notes.ui(at, 'changed', 'ui.listWithDetail', {
          'zh-CN': 'ListWithDetail（列表加详情）导入为重复表格',
          en: 'the ListWithDetail (list and detail) was imported as a repeating table',
        });
      }
      this.noteOptions(options, at, new Set(['readonly', 'readOnly', ...TABLE_OPTIONS]));
      this.place(field, own, origin);
      return [jsonFormsTable(field, options, at, label, this.#ctx, this)];
    }
    this.noteOptions(options, at, new Set(['readonly', 'readOnly', ...Object.keys(WIDGET_OPTIONS)]));
    const node: JsonObject = { type: 'field', path: field.layoutPath };
    if (label !== undefined) node.label = label;
    const widget = this.widget(field, options, at);
    if (widget) node.widget = widget;
    this.place(field, own, origin);
    return [this.#ctx.builder.add(`f_${field.path}`, node, origin)];
  }

  /** A field's rule from where it is placed: schema `readOnly` counts only when no rule or option decides. */
  place(field: TreeField, own: Inherited, origin: Origin): void {
    const readOnly = field.readOnly && !own.decided ? bool(true) : own.readOnly;
    this.#ctx.rules.place(field.path, own.visible, readOnly, origin, this.#ctx.notes);
  }

  placement(own: Inherited): PlacementContext {
    return {
      builder: this.#ctx.builder,
      index: this.#ctx.index,
      notes: this.#ctx.notes,
      onPlace: (field, _readOnly, origin) => {
        const readOnly = field.readOnly ? bool(true) : own.readOnly;
        this.#ctx.rules.place(field.path, own.visible, readOnly, origin, this.#ctx.notes);
      },
    };
  }

  widget(field: TreeField, options: JsonObject, at: string): string | undefined {
    const info = this.#ctx.index.fields.get(field.path);
    let widget: string | undefined;
    for (const [option, map] of Object.entries(WIDGET_OPTIONS)) {
      if (!(option in options)) continue;
      const byKind = map(options[option]);
      const ours = info ? byKind?.[info.kind] : undefined;
      if (ours && info && BUILT_IN_WIDGETS[info.kind].includes(ours)) widget = ours;
      else if (byKind === undefined || (Object.keys(byKind).length > 0 && !ours)) {
        this.drop(`${at}/options${pointer(option)}`, 'ui.option', {
          'zh-CN': `选项 ${option}: ${JSON.stringify(options[option])} 不适用于此字段，使用默认控件`,
          en: `the option ${option}: ${JSON.stringify(options[option])} does not fit this field; the default widget is used`,
        });
      }
    }
    return widget;
  }

  /** Notes the element's keys that are not `type`, `rule`, `options` or `known`. */
  noteKeys(element: JsonObject, at: string, known: readonly string[]): void {
    for (const key of Object.keys(element)) {
      if (key === 'type' || key === 'rule' || key === 'options' || known.includes(key)) continue;
      this.drop(`${at}${pointer(key)}`, 'ui.key', {
        'zh-CN': `未导入 ${key}${key === 'i18n' ? '：翻译键需在设计器中改为中英文文字' : ''}`,
        en: `${key} was not imported${key === 'i18n' ? ': translation keys must become zh-CN/en text in the designer' : ''}`,
      });
    }
  }

  /** Notes every option not in `handled` as not imported. */
  noteOptions(options: JsonObject, at: string, handled: ReadonlySet<string>): void {
    for (const key of Object.keys(options)) {
      if (handled.has(key) || key === 'readonly' || key === 'readOnly') continue;
      this.drop(`${at}/options${pointer(key)}`, 'ui.option', {
        'zh-CN': `未导入选项 ${key}：Formboard 没有对应的设置`,
        en: `the option ${key} was not imported: Formboard has no counterpart`,
      });
    }
  }

  /** A label as text: a string, or `{ text }`; `show: false` and `label: false` cannot be kept. */
  label(value: unknown, at: string): LocalizedText | undefined {
    if (value === undefined || value === true) return undefined;
    if (isLocalizedText(value)) return value;
    if (isObject(value) && isLocalizedText(value.text)) {
      if (value.show === false) {
        this.drop(`${at}/show`, 'ui.labelHidden', {
          'zh-CN': '不支持隐藏标签',
          en: 'hidden labels are not supported',
        });
      }
      return value.text;
    }
    this.drop(at, 'ui.labelHidden', {
      'zh-CN': '标签不是文字（不支持隐藏标签），未导入',
      en: 'the label is not text (hidden labels are not supported); not imported',
    });
    return undefined;
  }

  add(hint: string, node: JsonObject, at: string): string {
    return this.#ctx.builder.add(hint, node, { source: 'uiSchema', pointer: at });
  }

  drop(at: string, code: string, message: { 'zh-CN': string; en: string }): void {
    this.#ctx.notes.ui(at, 'dropped', code, message);
  }
}

/** A copy of a detail UI schema with every `scope` (of controls and rule conditions) put under `prefix`. */
function rebaseScopes(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rebaseScopes(v, prefix));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'scope' && typeof inner === 'string') {
      const relative = inner.startsWith('#') ? inner.slice(1) : inner;
      out[key] = `${prefix.replace(/\/$/, '')}${relative === '/' ? '' : relative}`;
    } else out[key] = rebaseScopes(inner, prefix);
  }
  return out;
}

/** A readable id hint: `s_User_Data` for a section titled "User Data". */
function hintFor(prefix: string, title: LocalizedText | undefined): string {
  const label = typeof title === 'string' ? title : (title?.en ?? '');
  return label === '' ? prefix : `${prefix}_${label}`;
}
