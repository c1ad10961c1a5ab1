import { describe, expect, it } from 'vitest';
import { check, type FormulaError, parse } from '../../src/index.ts';
import { errorCode, run } from '../support/run.ts';

const kr = {
  kr: [
    { name: '降本', owner: 'li' },
    { name: '', owner: 'wang' },
    { owner: 'zhao' },
    { name: '提效', owner: 'li' },
  ],
};

describe('length and cutting, by character', () => {
  it('counts Chinese characters and emoji as one character each', () => {
    expect(run('LEN("目标")')).toBe(2);
    expect(run('LEN("👍ok")')).toBe(3);
    expect(run('LEN("     One   ")')).toBe(11);
    expect(run('LEN(missing)')).toBe(0);
    expect(run('LEN(12.50)')).toBe(4);
  });

  it('cuts with LEFT, RIGHT and MID as Excel documents', () => {
    expect(run('LEFT("Sale Price", 4)')).toBe('Sale');
    expect(run('LEFT("Sweden")')).toBe('S');
    expect(run('RIGHT("Sale Price", 5)')).toBe('Price');
    expect(run('RIGHT("Stock Number")')).toBe('r');
    expect(run('MID("Fluid Flow", 1, 5)')).toBe('Fluid');
    expect(run('MID("Fluid Flow", 7, 20)')).toBe('Flow');
    expect(run('MID("Fluid Flow", 20, 5)')).toBe('');
    expect(run('LEFT("abc", 10)')).toBe('abc');
    expect(run('LEFT("abc", 0)')).toBe('');
  });

  it('never splits an emoji or a Chinese character', () => {
    expect(run('LEFT("👍👎", 1)')).toBe('👍');
    expect(run('RIGHT("华东区域", 2)')).toBe('区域');
    expect(run('MID("a👍b", 2, 1)')).toBe('👍');
    expect(run('REPLACE("a👍b", 2, 1, "-")')).toBe('a-b');
  });

  it('rejects negative counts and starts before 1', () => {
    expect(errorCode(run('LEFT("abc", -1)'))).toBe('#VALUE!');
    expect(errorCode(run('RIGHT("abc", -1)'))).toBe('#VALUE!');
    expect(errorCode(run('MID("abc", 0, 1)'))).toBe('#VALUE!');
    expect(errorCode(run('MID("abc", 1, -1)'))).toBe('#VALUE!');
    expect(errorCode(run('REPLACE("abc", 0, 1, "x")'))).toBe('#VALUE!');
  });

  it('extracts with MID and FIND (Excel example)', () => {
    expect(run('MID(A2, 1, FIND(" #", A2, 1) - 1)', { A2: 'Ceramic Insulators #124-TD45-87' })).toBe(
      'Ceramic Insulators',
    );
  });
});

describe('case and spaces', () => {
  it('converts case', () => {
    expect(run('UPPER("total")')).toBe('TOTAL');
    expect(run('LOWER("E. E. Cummings")')).toBe('e. e. cummings');
    expect(run('UPPER("型号 abc")')).toBe('型号 ABC');
  });

  it('capitalizes like PROPER', () => {
    expect(run('PROPER("this is a TITLE")')).toBe('This Is A Title');
    expect(run('PROPER("2-way street")')).toBe('2-Way Street');
    expect(run('PROPER("76BudGet")')).toBe('76Budget');
    expect(run('PROPER("华东 region")')).toBe('华东 Region');
  });

  it('trims like TRIM, collapsing inner runs, full-width spaces included', () => {
    expect(run('TRIM(" First Quarter Earnings ")')).toBe('First Quarter Earnings');
    expect(run('TRIM("  a    b  ")')).toBe('a b');
    expect(run('TRIM("　张三　　李四　")')).toBe('张三　李四');
    expect(run('TRIM(missing)')).toBe('');
    const started = performance.now();
    expect(run('LEN(TRIM("a" & REPT(" ", 500000) & "b  "))')).toBe(3);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('compares exactly with EXACT, unlike =', () => {
    expect(run('EXACT("word", "word")')).toBe(true);
    expect(run('EXACT("Word", "word")')).toBe(false);
    expect(run('EXACT("w ord", "word")')).toBe(false);
    expect(run('"Word" = "word"')).toBe(true);
  });
});

describe('joining', () => {
  it('CONCAT flattens table columns, blanks as empty text', () => {
    expect(run('CONCAT(kr[].owner)', kr)).toBe('liwangzhaoli');
    expect(run('CONCAT("第", 3, "季度", TRUE)')).toBe('第3季度TRUE');
    expect(run('CONCAT(kr[].name, "!")', kr)).toBe('降本提效!');
  });

  it('CONCATENATE joins scalars', () => {
    expect(run('CONCATENATE("Stream population for ", "brook trout", " is ", 32, "/mile")')).toBe(
      'Stream population for brook trout is 32/mile',
    );
    expect(errorCode(run('CONCATENATE({"a", "b"})'))).toBe('#VALUE!');
  });

  it('TEXTJOIN follows the Excel examples', () => {
    expect(
      run(
        'TEXTJOIN(", ", TRUE, "US Dollar", "Australian Dollar", "Chinese Yuan", "Hong Kong Dollar", "Israeli Shekel", "South Korean Won", "Russian Ruble")',
      ),
    ).toBe(
      'US Dollar, Australian Dollar, Chinese Yuan, Hong Kong Dollar, Israeli Shekel, South Korean Won, Russian Ruble',
    );
    expect(run('TEXTJOIN(" ", TRUE, "The", "sun", "will", "come", "up", "tomorrow.")')).toBe(
      'The sun will come up tomorrow.',
    );
  });

  it('TEXTJOIN skips blanks only when asked', () => {
    expect(run('TEXTJOIN("、", TRUE, kr[].name)', kr)).toBe('降本、提效');
    expect(run('TEXTJOIN("、", FALSE, kr[].name)', kr)).toBe('降本、、、提效');
    expect(run('TEXTJOIN("", TRUE, {1, 2}, 3)')).toBe('123');
  });

  it('propagates errors from any item', () => {
    expect(errorCode(run('CONCAT("a", 1 / 0)'))).toBe('#DIV/0!');
    expect(errorCode(run('TEXTJOIN(",", TRUE, {1, 2} / {1, 0})'))).toBe('#DIV/0!');
    expect(errorCode(run('LEN(1 / 0)'))).toBe('#DIV/0!');
    expect(errorCode(run('UPPER(VALUE("x"))'))).toBe('#VALUE!');
  });

  it('refuses to build text over the length limit', () => {
    const big = { s: 'x'.repeat(600_000) };
    expect(errorCode(run('CONCAT(s, s)', big))).toBe('#VALUE!');
    expect(errorCode(run('TEXTJOIN(",", TRUE, s, s)', big))).toBe('#VALUE!');
    expect(errorCode(run('SUBSTITUTE(s, "x", "yy")', big))).toBe('#VALUE!');
    expect(run('LEN(CONCAT(s, "!"))', big)).toBe(600_001);
  });
});

describe('REPT', () => {
  it('repeats text', () => {
    expect(run('REPT("*-", 3)')).toBe('*-*-*-');
    expect(run('REPT("★", 2.9)')).toBe('★★');
    expect(run('REPT("ab", 0)')).toBe('');
    expect(errorCode(run('REPT("ab", -1)'))).toBe('#VALUE!');
  });

  it('returns #VALUE! at once for huge counts instead of building the text', () => {
    const started = performance.now();
    const value = run('REPT("x", 1E9)');
    expect(errorCode(value)).toBe('#VALUE!');
    expect((value as FormulaError).message.en).toContain('length limit');
    expect(errorCode(run('REPT("ab", 1E300)'))).toBe('#VALUE!');
    expect(performance.now() - started).toBeLessThan(500);
    expect(run('REPT("", 1E300)')).toBe('');
  });
});

describe('finding', () => {
  it('FIND is case-sensitive (Excel examples)', () => {
    const data = { A2: 'Miriam McGovern' };
    expect(run('FIND("M", A2)', data)).toBe(1);
    expect(run('FIND("m", A2)', data)).toBe(6);
    expect(run('FIND("M", A2, 3)', data)).toBe(8);
    expect(run('FIND("", A2, 4)', data)).toBe(4);
  });

  it('FIND counts positions in characters and fails with #VALUE!', () => {
    expect(run('FIND("区", "华东区-上海")')).toBe(3);
    expect(run('FIND("b", "👍👍b")')).toBe(3);
    expect(errorCode(run('FIND("z", "abc")'))).toBe('#VALUE!');
    expect(errorCode(run('FIND("a", "abc", 0)'))).toBe('#VALUE!');
    expect(errorCode(run('FIND("a", "abc", 4)'))).toBe('#VALUE!');
  });

  it('SEARCH ignores case (Excel examples)', () => {
    const data = { A2: 'Statements', A3: 'Profit Margin', A4: 'margin', A5: 'The "boss" is here.' };
    expect(run('SEARCH("e", A2, 6)', data)).toBe(7);
    expect(run('SEARCH(A4, A3)', data)).toBe(8);
    expect(run('REPLACE(A3, SEARCH(A4, A3), 6, "Amount")', data)).toBe('Profit Amount');
    expect(run('MID(A3, SEARCH(" ", A3) + 1, 4)', data)).toBe('Marg');
    expect(run('SEARCH("""", A5)', data)).toBe(5);
    expect(
      run(
        'MID(A5, SEARCH("""", A5) + 1, SEARCH("""", A5, SEARCH("""", A5) + 1) - SEARCH("""", A5) - 1)',
        data,
      ),
    ).toBe('boss');
  });

  it('SEARCH understands ?, * and ~', () => {
    expect(run('SEARCH("b?d", "a bad bid")')).toBe(3);
    expect(run('SEARCH("b*d", "xx b--d")')).toBe(4);
    expect(run('SEARCH("*d", "abcd")')).toBe(1);
    expect(run('SEARCH("~?", "why? yes")')).toBe(4);
    expect(run('SEARCH("~*", "a*b")')).toBe(2);
    expect(run('SEARCH("a~b", "xa~b")')).toBe(2);
    expect(run('SEARCH("上*区", "华东上海区")')).toBe(3);
    expect(errorCode(run('SEARCH("b*z", "abc")'))).toBe('#VALUE!');
    expect(errorCode(run('SEARCH("?", "")'))).toBe('#VALUE!');
  });

  it('SEARCH treats regular-expression characters literally', () => {
    expect(run('SEARCH("(.+)", "a(.+)b")')).toBe(2);
    expect(run('SEARCH("[", "a[b")')).toBe(2);
    expect(errorCode(run('SEARCH(".", "abc")'))).toBe('#VALUE!');
  });

  it('charges long wildcard searches to the step budget', () => {
    const data = { t: 'a'.repeat(200_000), p: `${'?'.repeat(5_000)}b` };
    expect(errorCode(run('SEARCH(p, t)', data))).toBe('#LIMIT!');
  });

  it('CONTAINS, STARTSWITH and ENDSWITH ignore case', () => {
    expect(run('CONTAINS("Model X200", "x2")')).toBe(true);
    expect(run('CONTAINS("华东区-上海", "上海")')).toBe(true);
    expect(run('CONTAINS("abc", "")')).toBe(true);
    expect(run('CONTAINS(missing, "a")')).toBe(false);
    expect(run('STARTSWITH("SN-2026", "sn-")')).toBe(true);
    expect(run('STARTSWITH("华东区", "华南")')).toBe(false);
    expect(run('ENDSWITH("report.PDF", ".pdf")')).toBe(true);
    expect(run('ENDSWITH("report.PDF", ".doc")')).toBe(false);
  });
});

describe('replacing', () => {
  it('SUBSTITUTE follows the Excel examples', () => {
    expect(run('SUBSTITUTE("Sales Data", "Sales", "Cost")')).toBe('Cost Data');
    expect(run('SUBSTITUTE("Quarter 1, 2008", "1", "2", 1)')).toBe('Quarter 2, 2008');
    expect(run('SUBSTITUTE("Quarter 1, 2011", "1", "2", 3)')).toBe('Quarter 1, 2012');
  });

  it('SUBSTITUTE is case-sensitive and handles edge cases', () => {
    expect(run('SUBSTITUTE("aAa", "a", "x")')).toBe('xAx');
    expect(run('SUBSTITUTE("abc", "", "x")')).toBe('abc');
    expect(run('SUBSTITUTE("abc", "z", "x", 2)')).toBe('abc');
    // Occurrences are counted without overlap, the same ones a full replacement would change.
    expect(run('SUBSTITUTE("aaaa", "aa", "b")')).toBe('bb');
    expect(run('SUBSTITUTE("aaaa", "aa", "b", 2)')).toBe('aab');
    expect(run('SUBSTITUTE("上海/北京/上海", "上海", "沪")')).toBe('沪/北京/沪');
    expect(errorCode(run('SUBSTITUTE("abc", "a", "x", 0)'))).toBe('#VALUE!');
  });

  it('REPLACE follows the Excel examples', () => {
    expect(run('REPLACE("abcdefghijk", 6, 5, "*")')).toBe('abcde*k');
    expect(run('REPLACE("2009", 3, 2, "10")')).toBe('2010');
    expect(run('REPLACE("123456", 1, 3, "@")')).toBe('@456');
    expect(run('REPLACE("abc", 10, 1, "!")')).toBe('abc!');
  });
});

describe('SPLIT', () => {
  it('splits at each delimiter and keeps empty pieces unless asked', () => {
    expect(run('SPLIT("a,b,,c", ",")')).toEqual(['a', 'b', '', 'c']);
    expect(run('SPLIT("a,b,,c", ",", TRUE)')).toEqual(['a', 'b', 'c']);
    expect(run('SPLIT("质量 - 成本 - 交期", " - ")')).toEqual(['质量', '成本', '交期']);
    expect(run('SPLIT("目标👍", "")')).toEqual(['目', '标', '👍']);
    expect(run('SPLIT(missing, ",")')).toEqual([]);
  });

  it('gives an array the other functions use', () => {
    expect(run('INDEX(SPLIT("2026-11-27", "-"), 2)')).toBe('11');
    expect(run('TEXTJOIN("/", TRUE, SPLIT("a,b", ","))')).toBe('a/b');
  });
});

describe('VALUE and character codes', () => {
  it('reads numbers written the usual ways', () => {
    expect(run('VALUE("1,234.5")')).toBe(1234.5);
    expect(run('VALUE("50%")')).toBe(0.5);
    expect(run('VALUE(" -12 ")')).toBe(-12);
    expect(run('VALUE("¥1,000")')).toBe(1000);
    expect(run('VALUE("$1,000")')).toBe(1000);
    expect(run('VALUE("１２３．５")')).toBe(123.5);
    expect(run('VALUE("１，２３４")')).toBe(1234);
    expect(run('VALUE("1e3")')).toBe(1000);
    expect(run('VALUE(".5")')).toBe(0.5);
    expect(run('VALUE(42)')).toBe(42);
    expect(run('VALUE(missing)')).toBe(0);
  });

  it('rejects what is not a number', () => {
    for (const text of ['', 'abc', '一百', '1,2', '1.2.3', '%', '.', '1e999', '12abc']) {
      expect(errorCode(run('VALUE(t)', { t: text }))).toBe('#VALUE!');
    }
    expect(errorCode(run('VALUE(TRUE)'))).toBe('#VALUE!');
    expect(errorCode(run('VALUE(1 / 0)'))).toBe('#DIV/0!');
  });

  it('converts character codes', () => {
    expect(run('CHAR(65)')).toBe('A');
    expect(run('"a" & CHAR(10) & "b"')).toBe('a\nb');
    expect(errorCode(run('CHAR(0)'))).toBe('#VALUE!');
    expect(run('UNICHAR(30446)')).toBe('目');
    expect(run('UNICHAR(128077)')).toBe('👍');
    expect(errorCode(run('UNICHAR(55296)'))).toBe('#VALUE!');
    expect(run('UNICODE("👍")')).toBe(128077);
    expect(errorCode(run('UNICODE("")'))).toBe('#VALUE!');
  });
});

describe('type checking', () => {
  it('knows the result types and flags arrays given to scalar text functions', () => {
    expect(check(parse('LEN(name)')).type).toEqual({ kind: 'number' });
    expect(check(parse('SPLIT(name, ",")')).type).toEqual({ kind: 'array', of: { kind: 'string' } });
    expect(check(parse('CONTAINS(name, "a")')).type).toEqual({ kind: 'boolean' });
    expect(check(parse('UPPER(kr[].name)'), { fields: { 'kr[].name': 'string[]' } }).issues).toHaveLength(1);
    expect(check(parse('CONCAT(kr[].name)'), { fields: { 'kr[].name': 'string[]' } }).issues).toHaveLength(0);
  });
});
