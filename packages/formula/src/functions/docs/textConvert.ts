import type { FunctionDocs } from '../FunctionSpec.ts';

/** Documentation of the text conversion functions in ../textConvert.ts: signature, zh-CN/en description, tested examples. */
export const textConvertDocs: FunctionDocs = {
  VALUE: {
    syntax: 'VALUE(text)',
    description: {
      'zh-CN':
        '把表示数字的文本转为数字，支持千分位逗号、百分号、货币符号和全角数字，如 "1,234.5"、"50%"、"１２３"。',
      en: 'Converts text that shows a number to the number. Accepts thousands commas, percent and currency signs, and full-width digits: "1,234.5", "50%", "１２３".',
    },
    examples: [
      { formula: 'VALUE("1,234.5")', result: 1234.5 },
      { formula: 'VALUE("50%")', result: 0.5 },
      { formula: 'VALUE("一百")', result: '#VALUE!' },
    ],
  },
  UNICHAR: {
    syntax: 'UNICHAR(code)',
    description: {
      'zh-CN': '返回 Unicode 码位对应的字符，如 UNICHAR(10) 为换行。',
      en: 'Returns the character with the given Unicode code point; UNICHAR(10) is a line break.',
    },
    examples: [
      { formula: 'UNICHAR(66)', result: 'B' },
      { formula: 'UNICHAR(30446)', result: '目' },
    ],
  },
  CHAR: {
    syntax: 'CHAR(code)',
    description: {
      'zh-CN': '返回编码 1–255 对应的字符，如 CHAR(10) 为换行。其他字符请用 UNICHAR。',
      en: 'Returns the character with code 1–255, such as CHAR(10) for a line break. Use UNICHAR for other characters.',
    },
    examples: [
      { formula: 'CHAR(65)', result: 'A' },
      { formula: 'CHAR(256)', result: '#VALUE!' },
    ],
  },
  UNICODE: {
    syntax: 'UNICODE(text)',
    description: {
      'zh-CN': '返回文本第一个字符的 Unicode 码位。',
      en: 'Returns the Unicode code point of the first character of the text.',
    },
    examples: [
      { formula: 'UNICODE("B")', result: 66 },
      { formula: 'UNICODE("目标")', result: 30446 },
    ],
  },
};
