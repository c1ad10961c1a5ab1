import type { LocalizedText } from '../schemas/localizedText.ts';
import { SEMVER_PATTERN, type TemplatePackManifest } from '../schemas/templatePack.ts';
import { pointer, type Report } from '../validate/issues.ts';

const SEMVER = new RegExp(SEMVER_PATTERN);

// One comparator of a range: an optional operator and a version that may be partial or use x / *
// ("^0.1.0", ">=1.2", "1.x", "*"), as npm's semver reads them.
const PART = '(?:0|[1-9]\\d*|x|X|\\*)';
const COMPARATOR = new RegExp(
  `^(?:\\^|~|>=|<=|>|<|=)?v?${PART}(?:\\.${PART}(?:\\.${PART}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)?)?$`,
);
const HYPHEN_RANGE = /^(\S+)\s+-\s+(\S+)$/;

/** Whether a text is a semver range npm would accept: comparators joined by spaces, sets by `||`. */
export function isSemverRange(range: string): boolean {
  const sets = range.split('||').map((set) => set.trim());
  return sets.every((set) => {
    if (set === '') return false;
    const hyphen = HYPHEN_RANGE.exec(set);
    // In "1.0.0 - 2.0.0" both ends are plain versions, without operators.
    if (hyphen)
      return [hyphen[1] ?? '', hyphen[2] ?? ''].every((v) => COMPARATOR.test(v) && !/^[\^~<>=]/.test(v));
    return set.split(/\s+/).every((c) => COMPARATOR.test(c));
  });
}

/** Compares two valid semver texts by precedence: negative, zero or positive. */
export function compareSemver(a: string, b: string): number {
  const parse = (v: string): { core: number[]; pre: string[] } => {
    const [main = '', ...rest] = v.split('+')[0]?.split('-') ?? [];
    const pre = rest.join('-');
    return { core: main.split('.').map(Number), pre: pre === '' ? [] : pre.split('.') };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0) return d;
  }
  // A version without a pre-release outranks the same version with one.
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const numeric = /^\d+$/;
    if (numeric.test(p) && numeric.test(q)) return Number(p) - Number(q);
    if (numeric.test(p) !== numeric.test(q)) return numeric.test(p) ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** Why a pack path is not a plain relative path with the right extension, or undefined when it is fine. */
function pathProblem(
  path: string,
  extensions: readonly string[],
): { 'zh-CN': string; en: string } | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) {
    return {
      'zh-CN': `路径 ${path} 应为相对路径，并使用 / 分隔`,
      en: `the path ${path} must be relative, with / separators`,
    };
  }
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return {
      'zh-CN': `路径 ${path} 不能包含 ..、. 或空的部分`,
      en: `the path ${path} must not contain .., . or empty segments`,
    };
  }
  if (!extensions.some((ext) => path.toLowerCase().endsWith(ext))) {
    return {
      'zh-CN': `路径 ${path} 应以 ${extensions.join(' 或 ')} 结尾`,
      en: `the path ${path} must end in ${extensions.join(' or ')}`,
    };
  }
  return undefined;
}

/** The id a definition file holds, by the pack convention: its file name without `.json`. */
function fileId(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.json$/i, '');
}

/**
 * The meaning checks of a template pack manifest: the engine range, file paths (relative, no `..`,
 * unique), sample data naming the pack's forms, upgrade notes not ahead of the pack's version, and
 * localized text complete in every declared locale.
 */
export function checkPack(pack: TemplatePackManifest, report: Report): void {
  if (!isSemverRange(pack.engine)) {
    report(
      '/engine',
      'pack.badEngineRange',
      {
        'zh-CN': `${pack.engine} 不是 semver 版本范围，例如 ^0.1.0 或 >=0.1.0 <1.0.0`,
        en: `${pack.engine} is not a semver range such as ^0.1.0 or >=0.1.0 <1.0.0`,
      },
      pack.engine,
    );
  }

  const seen = new Map<string, string>();
  const checkPath = (path: string, at: string, extensions: readonly string[]): void => {
    const problem = pathProblem(path, extensions);
    if (problem) report(at, 'pack.badPath', problem, path);
    const earlier = seen.get(path);
    if (earlier !== undefined) {
      report(
        at,
        'pack.duplicatePath',
        {
          'zh-CN': `路径 ${path} 已在 ${earlier} 列出`,
          en: `the path ${path} is already listed at ${earlier}`,
        },
        path,
      );
    } else seen.set(path, at);
  };
  for (const key of ['forms', 'dashboards', 'workflows'] as const) {
    (pack.contents[key] ?? []).forEach((path, i) => {
      checkPath(path, pointer('contents', key, i), ['.json']);
    });
  }

  const formIds = new Set((pack.contents.forms ?? []).map(fileId));
  (pack.sampleData ?? []).forEach((sample, i) => {
    checkPath(sample.file, pointer('sampleData', i, 'file'), ['.csv', '.json']);
    if (!formIds.has(sample.form)) {
      report(
        pointer('sampleData', i, 'form'),
        'pack.unknownSampleForm',
        {
          'zh-CN': `示例数据的表单 ${sample.form} 不在本包的 contents.forms 中（应有 forms/${sample.form}.json）`,
          en: `the sample data's form ${sample.form} is not among the pack's contents.forms (expected forms/${sample.form}.json)`,
        },
        sample.form,
      );
    }
  });

  checkUpgradeNotes(pack, report);
  checkTranslations(pack, report);
}

function checkUpgradeNotes(pack: TemplatePackManifest, report: Report): void {
  const versions = new Set<string>();
  (pack.upgradeNotes ?? []).forEach((note, i) => {
    const at = pointer('upgradeNotes', i, 'version');
    if (versions.has(note.version)) {
      report(
        at,
        'pack.duplicateNote',
        {
          'zh-CN': `版本 ${note.version} 已有升级说明`,
          en: `version ${note.version} already has upgrade notes`,
        },
        note.version,
      );
    }
    versions.add(note.version);
    if (SEMVER.test(note.version) && compareSemver(note.version, pack.version) > 0) {
      report(
        at,
        'pack.noteAfterVersion',
        {
          'zh-CN': `升级说明的版本 ${note.version} 高于包的版本 ${pack.version}`,
          en: `the upgrade note's version ${note.version} is above the pack's version ${pack.version}`,
        },
        note.version,
      );
    }
  });
}

/** Localized text written per locale must cover every locale the pack declares. */
function checkTranslations(pack: TemplatePackManifest, report: Report): void {
  const texts: [string, LocalizedText | undefined][] = [
    ['/title', pack.title],
    ['/description', pack.description],
    ...(pack.upgradeNotes ?? []).map((note, i): [string, LocalizedText] => [
      pointer('upgradeNotes', i, 'notes'),
      note.notes,
    ]),
  ];
  for (const [at, text] of texts) {
    if (text === undefined || typeof text === 'string') continue;
    const missing = pack.locales.filter((locale) => !Object.hasOwn(text, locale));
    if (missing.length === 0) continue;
    report(
      at,
      'pack.missingTranslation',
      {
        'zh-CN': `缺少以下语言的文本：${missing.join('、')}`,
        en: `text is missing for ${missing.join(', ')}`,
      },
      missing,
    );
  }
}
