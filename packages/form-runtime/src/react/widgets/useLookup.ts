import { useEffect, useState } from 'react';
import type { OptionSource, PickOption } from '../host.ts';

// Labels of stored ids (a user id → "张三"), fetched once per source and id and shared by every field.
const known = new WeakMap<OptionSource, Map<string, PickOption>>();
const pending = new WeakMap<OptionSource, Map<string, Promise<PickOption | undefined>>>();

function cacheOf<T>(map: WeakMap<OptionSource, Map<string, T>>, source: OptionSource): Map<string, T> {
  let cache = map.get(source);
  if (!cache) {
    cache = new Map();
    map.set(source, cache);
  }
  return cache;
}

/** Remembers an option the user just picked, so its label shows without a lookup. */
export function rememberOption(source: OptionSource, option: PickOption): void {
  cacheOf(known, source).set(option.id, option);
}

function lookup(source: OptionSource, id: string): Promise<PickOption | undefined> {
  const cache = cacheOf(pending, source);
  let promise = cache.get(id);
  if (!promise) {
    promise = source.lookup(id).then((found) => {
      if (found) rememberOption(source, found);
      return found;
    });
    cache.set(id, promise);
  }
  return promise;
}

/** The options of stored ids; an id shows as itself until (or unless) the source knows it. */
export function useLookup(source: OptionSource | undefined, ids: readonly string[]): PickOption[] {
  const [, setVersion] = useState(0);
  const key = ids.join('\n');
  useEffect(() => {
    if (!source || key === '') return;
    const cache = cacheOf(known, source);
    const missing = key.split('\n').filter((id) => !cache.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map((id) => lookup(source, id))).then(() => {
      if (live) setVersion((v) => v + 1);
    });
    return () => {
      live = false;
    };
  }, [source, key]);
  const cache = source ? cacheOf(known, source) : undefined;
  return ids.map((id) => cache?.get(id) ?? { id, label: id });
}
