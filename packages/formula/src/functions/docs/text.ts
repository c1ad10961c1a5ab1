import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the text functions in ../text.ts: signature, zh-CN/en description, tested examples. */
export const textDocs: FunctionDocs = {
  CONCAT: {
    syntax: 'CONCAT(text1, [text2], …)',
    description: {
      'zh-CN': '把所有参数首尾相连成一段文本；表格列等数组会逐项连接。',
      en: 'Joins all arguments into one text; arrays such as a table column are joined item by item.',
    },
    examples: [
      { formula: 'CONCAT("产线", 3, "号")', result: '产线3号' },
      { formula: 'CONCAT(kr[].name)', data: { kr: [{ name: 'A' }, { name: 'B' }] }, result: 'AB' },
    ],
  },
  CONCATENATE: {
    syntax: 'CONCATENATE(text1, [text2], …)',
    description: {
      'zh-CN': '把各个文本连接起来（旧版写法）。参数不能是数组，连接表格列请用 CONCAT 或 TEXTJOIN。',
      en: 'Joins texts (the older form). Arguments cannot be arrays: use CONCAT or TEXTJOIN for a table column.',
    },
    examples: [
      {
        formula: 'CONCATENATE("Stream population for ", "brook trout", " is ", 32, "/mile")',
        result: 'Stream population for brook trout is 32/mile',
      },
      { formula: 'CONCATENATE("张", "三")', result: '张三' },
    ],
  },
  TEXTJOIN: {
    syntax: 'TEXTJOIN(delimiter, ignore_empty, text1, [text2], …)',
    description: {
      'zh-CN': '用分隔符把各项连接成一段文本；ignore_empty 为 TRUE 时跳过空值。数组逐项连接。',
      en: 'Joins the items with a delimiter between them; when ignore_empty is TRUE, blanks are skipped. Arrays are joined item by item.',
    },
    examples: [
      {
        formula: 'TEXTJOIN(" ", TRUE, "The", "sun", "will", "come", "up", "tomorrow.")',
        result: 'The sun will come up tomorrow.',
      },
      {
        formula: 'TEXTJOIN("、", TRUE, kr[].name)',
        data: { kr: [{ name: '降本' }, { name: '' }, { name: '提效' }] },
        result: '降本、提效',
      },
      { formula: 'TEXTJOIN("-", FALSE, {"a", "", "b"})', result: 'a--b' },
    ],
  },
  LEN: {
    syntax: 'LEN(text)',
    description: {
      'zh-CN': '返回文本的字符数。一个汉字或一个表情符号算一个字符。',
      en: 'Returns the number of characters in the text. A Chinese character or an emoji counts as one.',
    },
    examples: [
      { formula: 'LEN("目标")', result: 2 },
      { formula: 'LEN("Phoenix, AZ")', result: 11 },
      { formula: 'LEN(comment)', data: {}, result: 0 },
    ],
  },
  LEFT: {
    syntax: 'LEFT(text, [count])',
    description: {
      'zh-CN': '返回文本开头的若干个字符（省略时为 1 个）。',
      en: 'Returns the first characters of the text (one when the count is omitted).',
    },
    examples: [
      { formula: 'LEFT("Sale Price", 4)', result: 'Sale' },
      { formula: 'LEFT("华东区域")', result: '华' },
    ],
  },
  RIGHT: {
    syntax: 'RIGHT(text, [count])',
    description: {
      'zh-CN': '返回文本末尾的若干个字符（省略时为 1 个）。',
      en: 'Returns the last characters of the text (one when the count is omitted).',
    },
    examples: [
      { formula: 'RIGHT("Sale Price", 5)', result: 'Price' },
      { formula: 'RIGHT("Stock Number")', result: 'r' },
    ],
  },
  MID: {
    syntax: 'MID(text, start, count)',
    description: {
      'zh-CN': '从第 start 个字符（从 1 开始）起取 count 个字符。',
      en: 'Returns count characters starting at character number start (the first character is 1).',
    },
    examples: [
      { formula: 'MID("Fluid Flow", 7, 20)', result: 'Flow' },
      { formula: 'MID("SN-2026-0042", 4, 4)', result: '2026' },
      { formula: 'MID("Fluid Flow", 0, 5)', result: '#VALUE!' },
    ],
  },
  UPPER: {
    syntax: 'UPPER(text)',
    description: {
      'zh-CN': '把文本中的字母转为大写。',
      en: 'Converts the letters of the text to upper case.',
    },
    examples: [
      { formula: 'UPPER("sn-a01")', result: 'SN-A01' },
      { formula: 'UPPER("型号 abc")', result: '型号 ABC' },
    ],
  },
  LOWER: {
    syntax: 'LOWER(text)',
    description: {
      'zh-CN': '把文本中的字母转为小写。',
      en: 'Converts the letters of the text to lower case.',
    },
    examples: [
      { formula: 'LOWER("E. E. Cummings")', result: 'e. e. cummings' },
      { formula: 'LOWER("Apt. 2B")', result: 'apt. 2b' },
    ],
  },
  PROPER: {
    syntax: 'PROPER(text)',
    description: {
      'zh-CN': '把每个单词的首字母大写、其余字母小写（紧跟在非字母后的字母视为单词开头）。',
      en: 'Capitalizes the first letter of each word and lower-cases the rest (a letter after any non-letter starts a word).',
    },
    examples: [
      { formula: 'PROPER("this is a TITLE")', result: 'This Is A Title' },
      { formula: 'PROPER("2-way street")', result: '2-Way Street' },
      { formula: 'PROPER("76BudGet")', result: '76Budget' },
    ],
  },
  TRIM: {
    syntax: 'TRIM(text)',
    description: {
      'zh-CN': '去掉文本首尾的空格，并把中间连续的空格合并为一个。全角空格也算空格。',
      en: 'Removes spaces at both ends and collapses runs of spaces inside to one. Full-width spaces count as spaces.',
    },
    examples: [
      { formula: 'TRIM(" First Quarter   Earnings ")', result: 'First Quarter Earnings' },
      { formula: 'TRIM("　张三　")', result: '张三' },
    ],
  },
  REPT: {
    syntax: 'REPT(text, count)',
    description: {
      'zh-CN': '把文本重复 count 次。结果超过长度上限时返回 #VALUE!。',
      en: 'Repeats the text count times. A result over the length limit is #VALUE!.',
    },
    examples: [
      { formula: 'REPT("*-", 3)', result: '*-*-*-' },
      { formula: 'REPT("★", rating)', data: { rating: 4 }, result: '★★★★' },
      { formula: 'REPT("x", 1E9)', result: '#VALUE!' },
    ],
  },
  EXACT: {
    syntax: 'EXACT(text1, text2)',
    description: {
      'zh-CN': '两段文本完全相同（区分大小写）时返回 TRUE。= 比较不区分大小写。',
      en: 'TRUE when the two texts are exactly the same, case included (the = operator ignores case).',
    },
    examples: [
      { formula: 'EXACT("Word", "word")', result: false },
      { formula: 'EXACT("型号A", "型号A")', result: true },
    ],
  },
};
