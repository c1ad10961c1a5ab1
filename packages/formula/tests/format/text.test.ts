import { describe, expect, it } from 'vitest';
import { compile, evaluate, type Locale, parse, toJSONValue } from '../../src/index.ts';

// 2026-11-27 10:30 in Asia/Shanghai (a Friday).
const NOW = Date.parse('2026-11-27T02:30:00Z');

/**
 * TEXT(v, f) with the value and the format code passed as data, so codes need no formula escaping;
 * errors come back as their code.
 */
function text(v: unknown, format: string, locale: Locale = 'zh-CN'): unknown {
  const result = evaluate(compile(parse('TEXT(v, f)')), {
    data: { v, f: format },
    now: NOW,
    timeZone: 'Asia/Shanghai',
    locale,
  });
  const json = toJSONValue(result);
  return json !== null && typeof json === 'object' && 'error' in json
    ? (json as { error: string }).error
    : json;
}

const formula = (source: string): unknown => {
  const json = toJSONValue(evaluate(compile(parse(source)), { now: NOW, timeZone: 'Asia/Shanghai' }));
  return json !== null && typeof json === 'object' && 'error' in json
    ? (json as { error: string }).error
    : json;
};

describe('TEXT with number formats', () => {
  it("matches Microsoft's examples", () => {
    expect(text(1234.567, '$#,##0.00')).toBe('$1,234.57');
    expect(text(0.285, '0.0%')).toBe('28.5%');
    expect(text(12200000, '0.00E+00')).toBe('1.22E+07');
    expect(text(1234, '0000000')).toBe('0001234');
    expect(text(123456, "##0° 00' 00''")).toBe("12° 34' 56''");
  });

  it('rounds half away from zero on the decimal value, as Excel does', () => {
    expect(text(2.345, '0.00')).toBe('2.35');
    expect(text(1.005, '0.00')).toBe('1.01');
    expect(text(-1.5, '0')).toBe('-2');
    expect(text(2.5, '0')).toBe('3');
    expect(text(-2.5, '0')).toBe('-3');
    expect(text(0.5, '0')).toBe('1');
    expect(text(999.999, '#,##0.00')).toBe('1,000.00');
    expect(text(0.125, '0.0%')).toBe('12.5%');
    expect(text(1 / 3, '0.000000')).toBe('0.333333');
  });

  it('fills 0, # and ? placeholders', () => {
    expect(text(5, '000')).toBe('005');
    expect(text(0.5, '#.00')).toBe('.50');
    expect(text(0.5, '0.00')).toBe('0.50');
    expect(text(0, '#')).toBe('');
    expect(text(1.5, '0.##')).toBe('1.5');
    expect(text(2, '0.##')).toBe('2.');
    expect(text(1.5, '0.0??')).toBe('1.5  ');
    expect(text(12.5, '.00')).toBe('12.50');
    expect(text(1234567, '000-0000')).toBe('123-4567');
  });

  it('groups thousands and scales by trailing commas', () => {
    expect(text(1234567.891, '#,##0')).toBe('1,234,568');
    expect(text(-1234567.891, '#,##0.00')).toBe('-1,234,567.89');
    expect(text(999, '#,##0')).toBe('999');
    expect(text(5, '0,000')).toBe('0,005');
    expect(text(1e21, '#,##0')).toBe('1,000,000,000,000,000,000,000');
    expect(text(1234567, '#,##0,')).toBe('1,235');
    expect(text(1234567, '0.0,,"M"')).toBe('1.2M');
    // Chinese Excel's 万 (ten thousands): a literal point before the last digit of thousands.
    expect(text(12345, '0!.0,"万"')).toBe('1.2万');
  });

  it('keeps prefixes, suffixes, quoted and escaped literals', () => {
    expect(text(1234.5, '¥#,##0.00')).toBe('¥1,234.50');
    expect(text(-5, '¥#,##0.00')).toBe('-¥5.00');
    expect(text(86.25, '0.0"分"')).toBe('86.3分');
    expect(text(86.25, '0.0分')).toBe('86.3分');
    expect(text(3, '0\\元')).toBe('3元');
    expect(text(3, '"#"0')).toBe('#3');
    expect(text(3, '0_)')).toBe('3 ');
    expect(text(3, '*-0')).toBe('3');
    expect(text(1234.5, '[$¥-804]#,##0.00')).toBe('¥1,234.50');
    expect(text(1234.5, '[$-804]0')).toBe('1235');
    expect(text(1.5, '[Red]0.00')).toBe('1.50');
    expect(text(1.5, '[红色]0.00')).toBe('1.50');
  });

  it('uses the negative and zero sections', () => {
    expect(text(-5, '0;(0)')).toBe('(5)');
    expect(text(5, '0;(0)')).toBe('5');
    expect(text(0, '0;-0;"零"')).toBe('零');
    expect(text(-5, '0;;')).toBe('');
    expect(text(0, '0.00;-0.00;')).toBe('');
    expect(text(-1234.5, '#,##0.00;[Red]-#,##0.00')).toBe('-1,234.50');
  });

  it('shows no minus sign on a value that rounds to zero (Excel shows -0.00)', () => {
    expect(text(-0.001, '0.00')).toBe('0.00');
    expect(text(-0.4, '0')).toBe('0');
  });

  it('writes scientific notation', () => {
    expect(text(0.000123, '0.00E+00')).toBe('1.23E-04');
    expect(text(9.996, '0.00E+00')).toBe('1.00E+01');
    expect(text(12345, '0.0E-0')).toBe('1.2E4');
    expect(text(12345, '##0.0E+0')).toBe('12.3E+3');
    expect(text(0, '0.00E+00')).toBe('0.00E+00');
    expect(text(-12345, '0.00e+00')).toBe('-1.23e+04');
  });

  it('supports General and G/通用格式', () => {
    expect(text(1 / 3, 'General')).toBe('0.333333333333333');
    expect(text(-42, 'G/通用格式')).toBe('-42');
    expect(text(42, '"合计："General')).toBe('合计：42');
  });
});

describe('TEXT with date formats', () => {
  const day = '2026-11-27';
  const moment = '2026-11-27 15:05:09';

  it("matches Microsoft's examples", () => {
    expect(text('2012-03-14', 'MM/DD/YY')).toBe('03/14/12');
    expect(text('2012-03-14', 'DDDD', 'en')).toBe('Wednesday');
    expect(text('2012-03-14 13:29', 'H:MM AM/PM')).toBe('1:29 PM');
  });

  it('writes years, months and days', () => {
    expect(text(day, 'yyyy-mm-dd')).toBe('2026-11-27');
    expect(text('2026-03-08', 'yyyy-m-d')).toBe('2026-3-8');
    expect(text('2026-03-08', 'yy/mm/dd')).toBe('26/03/08');
    expect(text('2026-03-08', 'yyyy年m月d日')).toBe('2026年3月8日');
    expect(text('2026-03-08', 'yyyy"年"mm"月"dd"日"')).toBe('2026年03月08日');
    expect(text('2026-03-08', 'yyyy.mm.dd')).toBe('2026.03.08');
  });

  it('names months and weekdays in the locale', () => {
    expect(text(day, 'mmmm')).toBe('十一月');
    expect(text(day, 'mmm')).toBe('11月');
    expect(text(day, 'dddd')).toBe('星期五');
    expect(text(day, 'ddd')).toBe('周五');
    expect(text(day, 'mmmm')).not.toBe(text(day, 'mmmm', 'en'));
    expect(text(day, 'mmmm d, yyyy', 'en')).toBe('November 27, 2026');
    expect(text(day, 'ddd, d mmm', 'en')).toBe('Fri, 27 Nov');
    expect(text(day, 'mmmmm', 'en')).toBe('N');
  });

  it("writes Chinese Excel's aaa and aaaa weekdays in any locale", () => {
    expect(text(day, 'aaaa')).toBe('星期五');
    expect(text(day, 'aaa')).toBe('五');
    expect(text(day, 'yyyy年m月d日 aaaa', 'en')).toBe('2026年11月27日 星期五');
    expect(text('2026-11-29', '周aaa')).toBe('周日');
  });

  it('writes times, reading mm as minutes after h or before s', () => {
    expect(text(moment, 'hh:mm:ss')).toBe('15:05:09');
    expect(text(moment, 'h:mm')).toBe('15:05');
    expect(text(moment, 'mm:ss')).toBe('05:09');
    expect(text(moment, 'yyyy-mm-dd hh:mm')).toBe('2026-11-27 15:05');
    expect(text(moment, 'h"时"m"分"')).toBe('15时5分');
    expect(text(day, 'hh:mm')).toBe('00:00');
    expect(text('2026-11-27 10:30:00.25', 'hh:mm:ss.00')).toBe('10:30:00.25');
    expect(text('2026-11-27 10:29:59.6', 'hh:mm:ss')).toBe('10:30:00');
  });

  it('writes 12-hour times', () => {
    expect(text(moment, 'h:mm AM/PM')).toBe('3:05 PM');
    expect(text(moment, 'h:mm am/pm')).toBe('3:05 pm');
    expect(text(moment, 'hh:mm A/P')).toBe('03:05 P');
    expect(text('2026-11-27 00:15', 'h:mm AM/PM')).toBe('12:15 AM');
    expect(text('2026-11-27 12:00', 'h:mm AM/PM')).toBe('12:00 PM');
    expect(text(moment, '上午/下午h时mm分')).toBe('下午3时05分');
    expect(text('2026-11-27 09:05', '上午/下午h:mm')).toBe('上午9:05');
  });

  it('formats date values and reads instants in the time zone', () => {
    expect(formula('TEXT(TODAY(), "yyyy-mm-dd")')).toBe('2026-11-27');
    expect(formula('TEXT(NOW(), "hh:mm")')).toBe('10:30');
    expect(formula('TEXT(DATE(2024, 2, 29), "m/d")')).toBe('2/29');
    expect(text('2026-11-26T20:00:00Z', 'yyyy-mm-dd hh:mm')).toBe('2026-11-27 04:00');
    expect(text(new Date('2026-11-26T20:00:00Z'), 'yyyy-mm-dd hh:mm')).toBe('2026-11-27 04:00');
  });
});

describe('TEXT with other values', () => {
  it('gives empty text for blanks', () => {
    expect(text(null, '0.00')).toBe('');
    expect(text(undefined, 'yyyy-mm-dd')).toBe('');
    expect(text('', '0')).toBe('');
    expect(text(5, '')).toBe('');
  });

  it('reads numeric text as a number and leaves other text alone', () => {
    expect(text('1234.5', '#,##0.00')).toBe('1,234.50');
    expect(text('abc', '0.00')).toBe('abc');
    expect(text('abc', '"名称："@')).toBe('名称：abc');
    expect(text('abc', '0;-0;0;"[ "@" ]"')).toBe('[ abc ]');
    expect(text(true, '0')).toBe('TRUE');
  });

  it('rejects dates under number formats and numbers under date formats', () => {
    // Date text is text: under a number format it shows as it is.
    expect(text('2026-11-27', '0.00')).toBe('2026-11-27');
    expect(formula('TEXT(TODAY(), "#,##0")')).toBe('#VALUE!');
    expect(text(45000, 'yyyy-mm-dd')).toBe('#VALUE!');
    expect(text('45000', 'yyyy')).toBe('#VALUE!');
    expect(text('next Friday', 'yyyy-mm-dd')).toBe('#VALUE!');
  });

  it('rejects malformed and unsupported format codes', () => {
    expect(text(1, '0.00"')).toBe('#VALUE!');
    expect(text(1, '0\\')).toBe('#VALUE!');
    expect(text(1, '[Red0')).toBe('#VALUE!');
    expect(text(150, '[>100]0;0')).toBe('#VALUE!');
    expect(text(123, '[DBNum2]0')).toBe('#VALUE!');
    expect(text(1, '0;0;0;@;0')).toBe('#VALUE!');
    expect(text(1, '0'.repeat(300))).toBe('#VALUE!');
  });

  it('passes errors on and rejects arrays', () => {
    expect(formula('TEXT(1 / 0, "0")')).toBe('#DIV/0!');
    expect(formula('TEXT(1, 1 / 0)')).toBe('#DIV/0!');
    expect(formula('TEXT({1, 2}, "0")')).toBe('#VALUE!');
  });
});
