import { formatGeneral } from '../coerce.ts';
import type { FormatSection } from './formatCode.ts';

// Excel number formats: digit placeholders 0 (always a digit), # (only significant digits) and ? (a space
// instead), one decimal point, "," for thousands (or ÷1000 after the last digit), %, E+00 scientific, and
// literal text anywhere, even between digits ("000-0000", Chinese Excel's 0!.0,"万").

type Part = 'int' | 'frac' | 'exp';

type Item =
  | { readonly t: 'digit'; readonly ch: string; readonly part: Part }
  | { readonly t: 'point' }
  | { readonly t: 'exp'; readonly text: string }
  | { readonly t: 'general' }
  | { readonly t: 'literal'; readonly text: string };

interface Layout {
  readonly items: readonly Item[];
  readonly grouping: boolean;
  /** Power of ten the value is scaled by: +2 per %, −3 per trailing comma. */
  readonly shift: number;
}

const isPlaceholder = (text: string | undefined): boolean => text === '0' || text === '#' || text === '?';

function layoutOf(section: FormatSection): Layout {
  const items: Item[] = [];
  let part: Part = 'int';
  let grouping = false;
  let shift = 0;
  section.forEach((token, i) => {
    const text = token.text;
    if (token.kind === 'literal') items.push({ t: 'literal', text });
    else if (isPlaceholder(text)) items.push({ t: 'digit', ch: text, part });
    else if (text === '.' && part === 'int') {
      items.push({ t: 'point' });
      part = 'frac';
    } else if (text === ',') {
      const before = section[i - 1];
      const after = section[i + 1];
      const afterDigit = before?.kind === 'code' && (isPlaceholder(before.text) || before.text === ',');
      if (!afterDigit) items.push({ t: 'literal', text });
      else if (after?.kind === 'code' && isPlaceholder(after.text)) grouping = true;
      else shift -= 3;
    } else if (text === '%') {
      shift += 2;
      items.push({ t: 'literal', text });
    } else if (text.toUpperCase() === 'E+' || text.toUpperCase() === 'E-') {
      items.push({ t: 'exp', text });
      part = 'exp';
    } else if (text === 'General') items.push({ t: 'general' });
    else items.push({ t: 'literal', text });
  });
  return { items, grouping, shift };
}

interface Digits {
  /** Integer digits without leading zeros ("" for values below 1). */
  readonly int: string;
  /** Exactly the requested number of decimals. */
  readonly frac: string;
}

/**
 * |value| × 10^shift rounded to `decimals` places, half away from zero, in decimal text. The value is
 * first read to 15 significant digits as Excel does, so 2.345 (stored as 2.34499…) rounds to 2.35.
 */
function roundDigits(abs: number, decimals: number, shift: number): Digits {
  const [mantissa = '0', exponent = '0'] = abs.toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  let intLength = Number(exponent) + 1 + shift;
  const keep = intLength + decimals;
  let kept = keep <= 0 ? '' : digits.slice(0, keep).padEnd(keep, '0');
  if (keep >= 0 && keep < digits.length && (digits[keep] as string) >= '5') {
    const bumped = increment(kept);
    if (bumped.length > kept.length) intLength += 1;
    kept = bumped;
  }
  if (intLength <= 0) {
    return { int: '', frac: ('0'.repeat(-intLength) + kept).padEnd(decimals, '0').slice(0, decimals) };
  }
  const int = kept.slice(0, intLength).padEnd(intLength, '0').replace(/^0+/, '');
  return { int, frac: kept.slice(intLength) };
}

// Adds one to a string of decimal digits: "199" → "200", "99" → "100", "" → "1".
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/**
 * Formats a number with a parsed Excel number format: the first section for positives (and all numbers
 * when it is the only one), the second for negatives (shown without a minus sign: it writes its own,
 * as in "0;(0)"), the third for zero.
 */
export function formatNumber(value: number, sections: readonly FormatSection[]): string {
  const [positive = [], negative, zero] = sections;
  if (value < 0 && negative) return formatSection(-value, negative, false);
  if (value === 0 && zero) return formatSection(0, zero, false);
  return formatSection(value, positive, true);
}

function formatSection(value: number, section: FormatSection, signed: boolean): string {
  const { items, grouping, shift } = layoutOf(section);
  const count = (part: Part): number => items.filter((it) => it.t === 'digit' && it.part === part).length;
  const intSlots = count('int');
  const fracSlots = count('frac');
  const abs = Math.abs(value);
  const hasExp = items.some((it) => it.t === 'exp');
  let exp = 0;
  let digits = roundDigits(abs, fracSlots, shift);
  if (hasExp && abs !== 0) {
    // Scientific: the mantissa fills the integer placeholders; "##0.0E+0" (a # among several) is
    // engineering notation, with exponents in steps of the integer placeholder count.
    const slots = Math.max(intSlots, 1);
    const step = slots > 1 && items.some((it) => it.t === 'digit' && it.part === 'int' && it.ch === '#');
    const magnitude = Number(abs.toExponential(14).split('e')[1]) + shift;
    exp = step ? Math.floor(magnitude / slots) * slots : magnitude - slots + 1;
    digits = roundDigits(abs, fracSlots, shift - exp);
    if (digits.int.length > slots) {
      exp += step ? slots : 1;
      digits = roundDigits(abs, fracSlots, shift - exp);
    }
  }
  const isZero = digits.int === '' && !/[1-9]/.test(digits.frac);
  const out: string[] = [];
  if (signed && value < 0 && !isZero) out.push('-');
  const intText = fillInteger(items, digits.int, intSlots);
  const totalIntDigits = intText.join('').replace(/\D/g, '').length;
  let intIndex = 0;
  let intDigitsSeen = 0;
  let fracIndex = 0;
  const fracShown = trimFraction(items, digits.frac);
  const expDigits = String(Math.abs(exp)).padStart(
    items.filter((it) => it.t === 'digit' && it.part === 'exp' && it.ch === '0').length,
    '0',
  );
  let expShown = false;
  for (const item of items) {
    if (item.t === 'literal') out.push(item.text);
    else if (item.t === 'general') out.push(formatGeneral(abs * 10 ** shift));
    else if (item.t === 'point') {
      // With no integer placeholders (".00"), the integer digits still show before the point.
      if (intSlots === 0) out.push(digits.int);
      out.push('.');
    } else if (item.t === 'exp') {
      const upper = item.text[0] === 'E';
      out.push((upper ? 'E' : 'e') + (exp < 0 ? '-' : item.text[1] === '+' ? '+' : ''));
    } else if (item.part === 'int') {
      for (const ch of intText[intIndex++] ?? '') {
        out.push(ch);
        if (ch >= '0' && ch <= '9') {
          intDigitsSeen += 1;
          const left = totalIntDigits - intDigitsSeen;
          if (grouping && left > 0 && left % 3 === 0) out.push(',');
        }
      }
    } else if (item.part === 'frac') out.push(fracShown[fracIndex++] ?? '');
    else if (!expShown) {
      out.push(expDigits);
      expShown = true;
    }
  }
  return out.join('');
}

// The text of each integer placeholder, filled from the right; the leftmost takes any extra digits.
function fillInteger(items: readonly Item[], int: string, slots: number): string[] {
  const chars = items.flatMap((it) => (it.t === 'digit' && it.part === 'int' ? [it.ch] : []));
  const out = new Array<string>(slots);
  let rest = int;
  for (let i = slots - 1; i >= 0; i--) {
    if (rest) {
      out[i] = i === 0 ? rest : rest.slice(-1);
      rest = i === 0 ? '' : rest.slice(0, -1);
    } else out[i] = chars[i] === '0' ? '0' : chars[i] === '?' ? ' ' : '';
  }
  return out;
}

// The text of each decimal placeholder: trailing zeros vanish under # and become spaces under ?.
function trimFraction(items: readonly Item[], frac: string): string[] {
  const chars = items.flatMap((it) => (it.t === 'digit' && it.part === 'frac' ? [it.ch] : []));
  const out = [...frac];
  for (let i = out.length - 1; i >= 0 && out[i] === '0' && chars[i] !== '0'; i--) {
    out[i] = chars[i] === '?' ? ' ' : '';
  }
  return out;
}
