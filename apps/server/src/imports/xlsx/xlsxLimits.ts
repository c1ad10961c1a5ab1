import { ApiError } from '../../http/ApiError.ts';

// A workbook is a zip: a few compressed kilobytes can inflate to gigabytes. Every part is inflated as
// it is read, never to disk, and stopped at its budget; what a part claims its size is, is not trusted.

/** Inflated bytes of the worksheet read: ~1.5 million rows of ten short cells. */
export const MAX_SHEET_BYTES = 512 * 1024 * 1024;
/** Inflated bytes of the shared strings part. */
export const MAX_SHARED_BYTES = 256 * 1024 * 1024;
/** Inflated bytes of a small part (relationships, the workbook's sheet list). */
export const MAX_PART_BYTES = 8 * 1024 * 1024;
/** Characters of shared strings kept in memory; each string also counts SHARED_STRING_COST for its slot. */
export const MAX_SHARED_CHARACTERS = 20_000_000;
export const SHARED_STRING_COST = 8;
/** Characters the XML parser may gather without an event (one text, comment or attribute value). */
export const MAX_XML_RUN = 1_000_000;
/** Excel's own limits on a cell's text and a sheet's columns, and ours on a row's text. */
export const MAX_CELL_CHARACTERS = 32_767;
export const MAX_COLUMNS = 16_384;
export const MAX_ROW_CHARACTERS = 1_000_000;

const MB = 1024 * 1024;

/** 413: a worksheet inflates past its budget; names the sheet and the limit. */
export const sheetTooBig = (sheet: string, limitBytes: number) =>
  new ApiError(
    413,
    'bodyTooLarge',
    {
      'zh-CN': `工作表“${sheet}”解压后超过 ${limitBytes / MB} MB 上限，请拆成几个文件或改用 CSV`,
      en: `the worksheet "${sheet}" inflates to more than ${limitBytes / MB} MB; split it into several files or use CSV`,
    },
    { sheet, limitBytes },
  );

/** 413: the shared strings inflate past their budget (bytes, or characters kept). */
export const sharedStringsTooBig = () =>
  new ApiError(
    413,
    'bodyTooLarge',
    {
      'zh-CN': `Excel 文件解压后的文字超过 ${MAX_SHARED_CHARACTERS / 1_000_000} 百万字符上限，请拆成几个文件或改用 CSV`,
      en: `the Excel file inflates to more than ${MAX_SHARED_CHARACTERS / 1_000_000} million characters of text; split it or use CSV`,
    },
    { limitCharacters: MAX_SHARED_CHARACTERS },
  );

/** 413: a part that should be small (a relationship list, the sheet list) is not. */
export const partTooBig = (part: string) =>
  new ApiError(
    413,
    'bodyTooLarge',
    {
      'zh-CN': `Excel 文件的 ${part} 部分解压后超过 ${MAX_PART_BYTES / MB} MB，不是正常的工作簿`,
      en: `the Excel file's ${part} inflates to more than ${MAX_PART_BYTES / MB} MB; this is not a normal workbook`,
    },
    { part, limitBytes: MAX_PART_BYTES },
  );

/** 400: a row past the limits on cells (text length, columns) and on a row's text. */
export const rowTooBig = (row: number) =>
  new ApiError(
    400,
    'badSpreadsheet',
    {
      'zh-CN': `第 ${row} 行超出限制（每格最多 ${MAX_CELL_CHARACTERS} 字、每行最多 ${MAX_COLUMNS} 列和 ${MAX_ROW_CHARACTERS} 字）`,
      en: `row ${row} is past the limits (${MAX_CELL_CHARACTERS} characters a cell, ${MAX_COLUMNS} columns and ${MAX_ROW_CHARACTERS} characters a row)`,
    },
    { row },
  );

/** 400: an XML text, comment or attribute value longer than any a workbook has. */
export const xmlRunTooLong = () =>
  new ApiError(400, 'badSpreadsheet', {
    'zh-CN': `Excel 文件里有超过 ${MAX_XML_RUN} 字符的一段 XML 文本，不是正常的工作簿`,
    en: `the Excel file holds an XML text run longer than ${MAX_XML_RUN} characters; this is not a normal workbook`,
  });

/** 400: the file is not a workbook this reader can read; says why. */
export const badSpreadsheet = (reason: string) =>
  new ApiError(400, 'badSpreadsheet', {
    'zh-CN': `无法读取这个 Excel 文件：${reason}`,
    en: `cannot read this Excel file: ${reason}`,
  });
