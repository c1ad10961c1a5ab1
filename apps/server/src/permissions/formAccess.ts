import type { FormAccess, FormDefinition } from '@formboard/schema';
import type { Store } from '@formboard/storage';

// Definition versions never change, so a form's access rules are cached per store and id@version.
const caches = new WeakMap<Store, Map<string, FormAccess | undefined>>();
const MAX_CACHED = 1000;

/** The access rules of a form's published version (or its head while it has none); undefined = defaults. */
export async function formAccessOf(store: Store, formId: string): Promise<FormAccess | undefined> {
  const info = await store.definitions.getInfo(formId).catch(() => undefined);
  if (!info) return undefined;
  const version = info.publishedVersion ?? info.headVersion;
  const key = `${formId}@${version}`;
  const cache = caches.get(store) ?? new Map<string, FormAccess | undefined>();
  caches.set(store, cache);
  if (!cache.has(key)) {
    const form = (await store.definitions.get(formId, version)).content as unknown as FormDefinition;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, form.access);
  }
  return cache.get(key);
}
