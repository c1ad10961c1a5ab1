import { type FormEngine, type FormEngineOptions, loadFormEngine } from '@formboard/form-runtime';
import type { FormDefinition } from '@formboard/schema';
import { useEffect, useState } from 'react';

/**
 * Opens a published form with `loadFormEngine`, which fetches only the formula functions the form
 * calls (the page's first bundle carries none). A new engine whenever `form` or `generation` changes
 * (a new generation starts the next record empty); undefined while it loads. `generation` says
 * which one the engine was made for: a view keyed by it starts afresh with each new engine.
 */
export function useLoadedEngine(
  form: FormDefinition,
  options: FormEngineOptions,
  generation = 0,
): { readonly engine?: FormEngine; readonly error?: unknown; readonly generation?: number } {
  const [state, setState] = useState<{ engine?: FormEngine; error?: unknown; generation?: number }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: options are read when the engine opens, like an initial value
  useEffect(() => {
    let current = true;
    loadFormEngine(form, options).then(
      (engine) => current && setState({ engine, generation }),
      (error: unknown) => current && setState({ error, generation }),
    );
    return () => {
      current = false;
    };
  }, [form, generation]);
  return state;
}
