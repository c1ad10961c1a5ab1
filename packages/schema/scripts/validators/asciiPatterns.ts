// Generation time only. Every layout node id is tested against `^[A-Za-z0-9_-]{1,64}$` twice (as a
// key of `layout.nodes`, and where a container lists it) and every field name against
// `^[\p{L}_][\p{L}\p{N}_]*$`: about 1,700 regular-expression calls per validation of a big form, 3%
// of it. Patterns of that simple shape — character classes in a row, each once or repeated — are
// written here as a loop over the string's characters. Names are nearly always ASCII; a class with
// `\p{L}` or `\p{N}` is exact on ASCII, so a string with any other character is left to the regular
// expression. Patterns of any other shape keep ajv's `test`.

/** ajv's standalone code makes each pattern once: `const patternN = new RegExp("…", "u");`. */
const PATTERN_CONST = /^const (pattern\d+) = new RegExp\(("(?:[^"\\]|\\.)*"), "u"\);$/gm;

/** The condition that the UTF-16 unit in variable `c` is in a class (its ASCII part). */
type Condition = (c: string) => string;

/** One character class with how often it may repeat. */
interface Step {
  readonly test: Condition;
  readonly min: number;
  readonly max: number;
  /** The class has `\p{…}`: exact on ASCII only. */
  readonly unicode: boolean;
}

/** The condition that the UTF-16 unit in `code` is in a class's ASCII part (`A-Za-z0-9_-`, `\p{L}`, `\p{N}`). */
function classTest(body: string): { test: Condition; unicode: boolean } | undefined {
  const parts: Condition[] = [];
  let unicode = false;
  let rest = body;
  while (rest.length > 0) {
    const property = /^\\p\{(L|N)\}/.exec(rest);
    const range = /^([A-Za-z0-9])-([A-Za-z0-9])/.exec(rest);
    if (property) {
      unicode = true;
      parts.push(
        property[1] === 'L'
          ? (c) => `(${c} >= 65 && ${c} <= 90) || (${c} >= 97 && ${c} <= 122)`
          : (c) => `(${c} >= 48 && ${c} <= 57)`,
      );
      rest = rest.slice(property[0].length);
    } else if (range) {
      const [from, to] = [range[1] as string, range[2] as string].map((ch) => ch.charCodeAt(0));
      if ((from as number) > (to as number)) return undefined;
      parts.push((c) => `(${c} >= ${from} && ${c} <= ${to})`);
      rest = rest.slice(3);
    } else if (/^[A-Za-z0-9_-]/.test(rest)) {
      const code = rest.charCodeAt(0);
      parts.push((c) => `${c} === ${code}`);
      rest = rest.slice(1);
    } else return undefined;
  }
  if (parts.length === 0) return undefined;
  return { test: (c) => parts.map((part) => part(c)).join(' || '), unicode };
}

/** A pattern as steps, or undefined when it is not `^` + classes with quantifiers + `$`. */
function stepsOf(source: string): Step[] | undefined {
  if (!source.startsWith('^') || !source.endsWith('$')) return undefined;
  const steps: Step[] = [];
  const step = /\[([^\]]*)\](\*|\+|\{(\d+)(?:,(\d+))?\})?/y;
  let at = 1;
  while (at < source.length - 1) {
    step.lastIndex = at;
    const match = step.exec(source);
    if (!match) return undefined;
    const kind = classTest(match[1] as string);
    if (!kind) return undefined;
    const [, , quantifier, low, high] = match;
    const min = quantifier === '*' ? 0 : low !== undefined ? Number(low) : 1;
    const max =
      quantifier === '*' || quantifier === '+'
        ? Number.POSITIVE_INFINITY
        : low === undefined
          ? 1
          : Number(high ?? low);
    steps.push({ ...kind, min, max });
    at = step.lastIndex;
  }
  // Only the shapes that need no backtracking: fixed-length steps, then at most one that repeats.
  const open = steps.findIndex((s) => s.min !== s.max);
  if (open !== -1 && open !== steps.length - 1) return undefined;
  return steps.length > 0 ? steps : undefined;
}

/** The source of a function `name(s)` that answers as `regex.test(s)` does for the pattern's steps. */
function matcherSource(name: string, regex: string, steps: readonly Step[]): string {
  const unicode = steps.some((s) => s.unicode);
  const fixed = steps.filter((s) => s.min === s.max);
  const last = steps[steps.length - 1] as Step;
  const repeats = last.min !== last.max;
  const head = fixed.reduce((n, s) => n + s.min, 0);
  const lines = [`function ${name}(s){`, 'const n = s.length;'];
  const most = repeats ? head + last.max : head;
  const least = repeats ? head + last.min : head;
  // Code points are at most as many as UTF-16 units: too few units is too few code points.
  lines.push(`if (n < ${least}) return false;`);
  if (Number.isFinite(most)) lines.push(`if (n > ${most}) return ${unicode ? `${regex}.test(s)` : 'false'};`);
  // A character outside ASCII: the class can hold it only through \p{…}, which the regex decides.
  const other = unicode ? `return ${regex}.test(s);` : 'return false;';
  let position = 0;
  for (const s of fixed) {
    for (let i = 0; i < s.min; i++, position++) {
      lines.push(
        `{ const c = s.charCodeAt(${position}); if (c > 127) ${other} if (!(${s.test('c')})) return false; }`,
      );
    }
  }
  if (repeats) {
    lines.push(
      `for (let i = ${position}; i < n; i++) { const c = s.charCodeAt(i); if (c > 127) ${other} if (!(${last.test('c')})) return false; }`,
    );
  }
  lines.push('return true;', '}');
  return lines.join('\n');
}

/**
 * ajv's standalone code of a "valid?" validator with each `patternN.test(x)` of a simple pattern
 * (see above) calling a function that loops over the characters instead, written after the pattern's
 * constant. The answers are the regular expression's (tests/asciiPatterns.test.ts compares them).
 */
export function asciiPatterns(code: string): string {
  let rewritten = code;
  for (const [line, name, literal] of code.matchAll(PATTERN_CONST)) {
    const steps = stepsOf(JSON.parse(literal as string) as string);
    if (!steps) continue;
    const matcher = `${name}Matches`;
    // Call sites first: the matcher itself falls back on the pattern's own `test`.
    rewritten = rewritten
      .replaceAll(`${name}.test(`, `${matcher}(`)
      .replace(line, `${line}\n${matcherSource(matcher, name as string, steps)}`);
  }
  return rewritten;
}

/** For tests: the matcher source of a pattern, or undefined when it keeps its regular expression. */
export function asciiMatcherSource(pattern: string): string | undefined {
  const steps = stepsOf(pattern);
  return steps && matcherSource('matches', 'regex', steps);
}
