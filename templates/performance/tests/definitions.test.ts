import { type Definition, validateDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { DEFINITION_FOLDERS, definitionFiles, fileId, loadForms, readPackJson } from './support/pack.ts';

const forms = loadForms();
const context = { form: (id: string) => forms.get(id) };
const files = DEFINITION_FOLDERS.flatMap((folder) => definitionFiles(folder));

/** Every object of a definition that carries a zh-CN text, with its JSON pointer. */
function localizedTexts(value: unknown, at = ''): { at: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if ('zh-CN' in record || 'en' in record) return [{ at, text: record }];
  return Object.entries(record).flatMap(([key, item]) => localizedTexts(item, `${at}/${key}`));
}

describe('the pack manifest', () => {
  it('is a valid pack manifest', () => {
    const result = validateDefinition(readPackJson('pack.json'));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('lists exactly the definition files present', () => {
    const manifest = readPackJson('pack.json') as { contents: Record<string, string[] | undefined> };
    for (const folder of DEFINITION_FOLDERS) {
      expect([...(manifest.contents[folder] ?? [])].sort(), folder).toEqual(definitionFiles(folder));
    }
  });
});

describe.each(files)('%s', (path) => {
  const json = readPackJson(path);

  it('validates with no issues, its cross-references resolved against the pack', () => {
    const result = validateDefinition(json, context);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('holds the id of its file name', () => {
    expect((json as Definition & { id: string }).id).toBe(fileId(path));
  });

  it('gives every user-visible text in zh-CN and en', () => {
    const texts = localizedTexts(json);
    expect(texts.length).toBeGreaterThan(0);
    const incomplete = texts.filter(
      ({ text }) =>
        typeof text['zh-CN'] !== 'string' ||
        typeof text.en !== 'string' ||
        text['zh-CN'] === '' ||
        text.en === '',
    );
    expect(incomplete.map(({ at }) => at)).toEqual([]);
  });
});

describe('sample-data headers', () => {
  /** Headers are matched to fields by key or by title, ignoring case, spaces, `_`, `-`, `*` and colons. */
  const normal = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s_\-*:：]+/g, '');

  it.each([...forms])(
    '%s: no field is titled like the key of another field, so columns map to the right field',
    (_id, form) => {
      const properties = Object.entries(form.data.properties);
      const clashes = properties.flatMap(([key]) =>
        properties
          .filter(([other]) => other !== key)
          .filter(([, field]) => {
            const title = field.title;
            const titles =
              title === undefined ? [] : typeof title === 'string' ? [title] : Object.values(title);
            return titles.some((text) => typeof text === 'string' && normal(text) === normal(key));
          })
          .map(([other]) => `${other} is titled like ${key}`),
      );
      expect(clashes).toEqual([]);
    },
  );
});
