import { FORM_SCHEMA_VERSION, migrate } from '@formboard/schema';
import type { Command, CommandResult } from '../core/Command.ts';
import { createDocumentStore, type DocumentStore } from '../core/createDocumentStore.ts';
import { addItem } from './commands/addItem.ts';
import { moveNodes } from './commands/moveNodes.ts';
import { renameKey } from './commands/renameKey.ts';
import { createConfirmations, type GuardedAction, guardRollups } from './commands/rollupGuard.ts';
import { setProperty } from './commands/setProperty.ts';
import { setRollup, setRollupWhere } from './commands/setRollup.ts';
import { createDefaultPalette } from './defaultPalette.ts';
import { randomId } from './fieldKeys.ts';
import { usesOf } from './fieldUses.ts';
import { formAdapter } from './formClipboard.ts';
import { createFormChecker, type DefinitionResult, type Problem } from './formProblems.ts';
import type { Form, Place } from './formTree.ts';
import type { Palette } from './palette.ts';
import { getProperty } from './properties.ts';
import type { RollupReader } from './rollupReaders.ts';
import type { RollupSettings } from './rollups.ts';

/** Options of `createFormDesigner`. */
export interface FormDesignerOptions {
  /** The definition to edit; an older schemaVersion is migrated first. */
  readonly definition: Form;
  /** Palette items; default the built-in ones (`createDefaultPalette()`). */
  readonly palette?: Palette;
  /** Makes the random part of new keys and node ids; tests pass a counter. Default 5 random base-36 characters. */
  readonly nextId?: () => string;
  /**
   * The other forms by id, read at each check: `rollupProblems` checks roll-ups against their child
   * forms with them (a child form it does not know is a problem there); a pasted field keeps its
   * roll-up only when it fits them; and the forms that roll up from this one (found through its
   * record references) are told apart: a delete, rename or move that breaks their roll-ups is refused
   * once with a warning naming them, and goes ahead when repeated.
   */
  readonly forms?: (id: string) => Form | undefined;
}

/** The headless form designer: the document store of one form definition plus the form's commands. */
export interface FormDesignerStore extends DocumentStore<Form> {
  readonly palette: Palette;
  /** Adds a palette item at a place, or next to the selection. */
  add(itemId: string, place?: Place): CommandResult;
  move(ids: readonly string[], place: Place): CommandResult;
  remove(ids: readonly string[]): CommandResult;
  /** Changes the key of the field or table a node shows, everywhere the form uses it. */
  renameKey(nodeId: string, key: string): CommandResult;
  setProperty(nodeId: string, key: string, value: unknown): CommandResult;
  /** Sets (or with undefined removes) the roll-up that fills the field a node shows. */
  setRollup(nodeId: string, settings: RollupSettings | undefined): CommandResult;
  /** Sets (or with '' removes) the condition of a field's roll-up; typing in a row is one undo step. */
  setRollupWhere(nodeId: string, where: string | undefined): CommandResult;
  getProperty(nodeId: string, key: string): unknown;
  /** The current definition when it is valid, else every problem, each linked to its node and field. */
  toDefinition(): DefinitionResult;
  /**
   * The problems of the roll-ups, checked against their child forms too (`forms`): that the child
   * points here, has the fields named, a condition over its own fields, no circle of roll-ups. Those
   * that need the other forms are warnings, not in `toDefinition`: the server checks a form on its
   * own, and the other forms may change after it is saved.
   */
  rollupProblems(): readonly Problem[];
  /** The roll-ups of other forms (`forms`) that read the field at `path`, or anything under it. */
  rollupReaders(path: string): readonly RollupReader[];
}

/** Creates the designer of one form definition. */
export function createFormDesigner(options: FormDesignerOptions): FormDesignerStore {
  const nextId = options.nextId ?? randomId;
  const palette = options.palette ?? createDefaultPalette();
  const migrated = migrate(options.definition);
  const definition = (migrated.ok ? migrated.value : options.definition) as Form;
  const check = createFormChecker();
  const checkAcross = options.forms ? createFormChecker(options.forms) : check;
  const { forms } = options;
  const confirmations = createConfirmations();
  const adapter = formAdapter(nextId, { check: checkAcross, confirmations, ...(forms ? { forms } : {}) });
  const documents = createDocumentStore({ document: definition, adapter });
  // Edits that may break the roll-ups of forms that roll up from this one are warned about first.
  const guarded = (command: Command<Form>, action: GuardedAction, key: string) =>
    forms ? guardRollups(command, action, key, forms, confirmations) : command;
  return {
    ...documents,
    palette,
    add(itemId, place) {
      const item = palette.get(itemId);
      if (!item)
        return {
          ok: false,
          reason: { 'zh-CN': `没有组件 ${itemId}`, en: `there is no component ${itemId}` },
        };
      return documents.execute(addItem(item, place, nextId));
    },
    move: (ids, place) =>
      documents.execute(
        guarded(moveNodes(ids, place), 'move', `${ids.join('\n')}\n${JSON.stringify(place)}`),
      ),
    remove: (ids) => documents.execute(adapter.remove(ids)),
    renameKey: (nodeId, key) =>
      documents.execute(guarded(renameKey(nodeId, key), 'rename', `${nodeId}\n${key}`)),
    setProperty: (nodeId, key, value) => documents.execute(setProperty(nodeId, key, value)),
    setRollup: (nodeId, settings) => documents.execute(setRollup(nodeId, settings)),
    setRollupWhere: (nodeId, where) => documents.execute(setRollupWhere(nodeId, where)),
    getProperty: (nodeId, key) => getProperty(documents.getState().document, nodeId, key),
    toDefinition: () => check(documents.getState().document),
    rollupProblems: () => {
      const result = checkAcross(documents.getState().document);
      return result.ok ? [] : result.problems.filter((p) => p.pointer.startsWith('/rollups/'));
    },
    rollupReaders: (path) => (forms ? usesOf(documents.getState().document, path, forms).rollups : []),
  };
}

/** A new, empty form definition to start designing from. */
export function createEmptyForm(id: string, title: Form['title']): Form {
  return {
    kind: 'form',
    id,
    schemaVersion: FORM_SCHEMA_VERSION,
    title,
    data: { type: 'object', properties: {} },
    layout: { root: [], nodes: {} },
  };
}
