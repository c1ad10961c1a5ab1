import { constants, deflateRawSync } from 'node:zlib';

/** One file of a hand-made zip: its name and its content already deflated (raw), with its inflated size. */
export interface ZipPart {
  readonly name: string;
  readonly deflated: Buffer;
  readonly size: number;
}

/** A part holding `xml`, deflated. */
export const part = (name: string, xml: string): ZipPart => {
  const bytes = Buffer.from(xml);
  return { name, deflated: deflateRawSync(bytes), size: bytes.length };
};

/**
 * A zip of the given parts, written by hand (local headers, central directory, end record) so a
 * test can put in it what no spreadsheet program would. CRCs are left 0: the reader checks none.
 */
export function zip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, deflated, size } of parts) {
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(deflated.length, 18);
    header.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(deflated.length, 20);
    entry.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(header, nameBytes, deflated);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directoryBytes, end]);
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * The parts around the sheets of a workbook: the package and workbook relationships and the sheet
 * list, the tabs in the given order, each tab's part `xl/worksheets/<file>`.
 */
export function workbookFrame(
  tabs: readonly { name: string; file: string }[],
  sharedStrings = false,
): ZipPart[] {
  const sheetRels = tabs.map(
    (tab, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_NS}/worksheet" Target="worksheets/${tab.file}"/>`,
  );
  const stringsRel = sharedStrings
    ? `<Relationship Id="rIdS" Type="${DOC_NS}/sharedStrings" Target="sharedStrings.xml"/>`
    : '';
  return [
    part(
      '_rels/.rels',
      `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_NS}"><sheets>${tabs
        .map((tab, i) => `<sheet name="${tab.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${RELS_NS}">${sheetRels.join('')}${stringsRel}</Relationships>`,
    ),
  ];
}

/** A worksheet part of the given rows' XML. */
export const sheetPart = (file: string, rowsXml: string): ZipPart =>
  part(
    `xl/worksheets/${file}`,
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rowsXml}</sheetData></worksheet>`,
  );

/**
 * A small .xlsx whose one sheet, named `sheetName`, inflates to `inflatedBytes` of rows: the same
 * deflated megabyte of rows repeated (independent raw-deflate pieces, each ended by a sync flush,
 * concatenate into one valid stream), so gigabytes take a few megabytes and no time to make.
 */
export function xlsxBomb(sheetName: string, inflatedBytes: number): Buffer {
  const row = '<row><c t="inlineStr"><is><t>炸弹</t></is></c></row>';
  const unit = Buffer.from(row.repeat(Math.ceil((4 * 1024 * 1024) / Buffer.byteLength(row))));
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c t="inlineStr"><is><t>week</t></is></c></row>`,
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const copies = Math.ceil(inflatedBytes / unit.length);
  const piece = flushed(unit);
  const sheet: ZipPart = {
    name: 'xl/worksheets/sheet1.xml',
    deflated: Buffer.concat([
      flushed(head),
      ...Array.from({ length: copies }, () => piece),
      deflateRawSync(tail),
    ]),
    size: head.length + copies * unit.length + tail.length,
  };
  return zip([...workbookFrame([{ name: sheetName, file: 'sheet1.xml' }]), sheet]);
}
