import { columnPath } from '@formboard/formula';
import type { FormEngine } from '../engine/FormEngine.ts';
import type { FieldState, FormIssue } from '../engine/types.ts';

/** What a field on the page shows of its state: FieldState without touched and dirty. */
export interface FieldViewState {
  readonly value: unknown;
  readonly issues: readonly FormIssue[];
  readonly visible: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly computedError: FieldState['computedError'];
}

/**
 * One concrete path bound to the engine, made once per path and form: the subscription, the view
 * state (the same object while what the field shows is unchanged, so neither a change of `touched`
 * on submit nor an unrelated change re-renders it), the change and blur handlers, and its DOM id.
 * Fields get these ready instead of making hooks and closures on every mount and render.
 *
 * `onInput` is the change handler of widgets that keep what is typed in the control itself
 * (`keepsInput`: uncontrolled inputs). The value it sets comes back from the engine as an echo of
 * what the control already shows, so the view state takes it in place, without a new object, and the
 * field does not re-render on its own key presses (react-hook-form's trick). Anything else that
 * changes with it (a new error) makes a new object as usual, and a value set elsewhere (reset, a
 * draft, a formula) is never an echo.
 */
export interface FieldBinding {
  readonly path: string;
  /** Column path: "kpis[].weight" for "kpis[2].weight". */
  readonly column: string;
  readonly id: string;
  readonly subscribe: (listener: () => void) => () => void;
  readonly view: () => FieldViewState;
  readonly onChange: (value: unknown) => void;
  /** onChange for controls that keep their own input (see above). */
  readonly onInput: (value: unknown) => void;
  readonly onBlur: () => void;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Makes the binding of a path (FormView caches them). */
export function bindField(engine: FormEngine, path: string, id: string): FieldBinding {
  let seen: FieldState | undefined;
  let shown: Mutable<FieldViewState> | undefined;
  let echo: { readonly value: unknown } | undefined;
  // While subscribed, the state can only have changed after a notification: until then `view` does
  // not ask the engine again (React asks on every render and after each commit).
  let listening = 0;
  let notified = true;
  return {
    path,
    column: columnPath(path),
    id,
    subscribe(listener) {
      listening += 1;
      notified = true;
      const stop = engine.subscribe(path, () => {
        notified = true;
        listener();
      });
      return () => {
        listening -= 1;
        stop();
      };
    },
    view() {
      if (shown && listening > 0 && !notified) return shown;
      notified = false;
      const state = engine.getFieldState(path);
      if (state === seen && shown) return shown;
      seen = state;
      const typed = echo;
      echo = undefined;
      const same =
        shown !== undefined &&
        shown.issues === state.issues &&
        shown.visible === state.visible &&
        shown.required === state.required &&
        shown.readOnly === state.readOnly &&
        shown.computedError === state.computedError;
      if (
        same &&
        shown &&
        (Object.is(shown.value, state.value) || (typed && Object.is(typed.value, state.value)))
      ) {
        shown.value = state.value;
        return shown;
      }
      const { value, issues, visible, required, readOnly, computedError } = state;
      shown = { value, issues, visible, required, readOnly, computedError };
      return shown;
    },
    onChange: (value) => engine.setValue(path, value),
    onInput(value) {
      echo = { value };
      engine.setValue(path, value);
    },
    onBlur: () => engine.blur(path),
  };
}
