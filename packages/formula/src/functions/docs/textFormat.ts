import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the TEXT in ../textFormat.ts: signature, zh-CN/en description, tested examples. */
export const textFormatDocs: FunctionDocs = {
  TEXT: {
    syntax: 'TEXT(value, format_text)',
    description: {
      'zh-CN':
        '按 Excel 格式代码把数字或日期转为文本，如 "#,##0.00"、"0.0%"、"¥#,##0"、"yyyy年m月d日"、"aaaa"（星期五）、"hh:mm"。空值返回空文本。',
      en: 'Formats a number or date as text with an Excel format code, such as "#,##0.00", "0.0%", "¥#,##0", "yyyy-mm-dd", "dddd" (Friday) or "h:mm AM/PM". Blank gives empty text.',
    },
    examples: [
      { formula: 'TEXT(1234.567, "¥#,##0.00")', result: '¥1,234.57' },
      { formula: 'TEXT(0.285, "0.0%")', result: '28.5%' },
      { formula: 'TEXT(DATE(2026, 11, 27), "yyyy年m月d日 aaaa")', result: '2026年11月27日 星期五' },
    ],
  },
};
