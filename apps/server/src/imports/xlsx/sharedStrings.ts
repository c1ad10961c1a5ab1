import {
  MAX_SHARED_BYTES,
  MAX_SHARED_CHARACTERS,
  SHARED_STRING_COST,
  sharedStringsTooBig,
} from './xlsxLimits.ts';
import { xmlEvents } from './xmlEvents.ts';
import { entryContent, type ZipArchive } from './zipArchive.ts';

/**
 * The workbook's shared strings in order (each the text of its runs; phonetic guides left out),
 * within a budget of characters held — an empty string costs its slot too — and of inflated bytes.
 */
export async function sharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  const entry = part === undefined ? undefined : zip.entries.get(part);
  if (!entry) return [];
  const strings: string[] = [];
  let cost = 0;
  let text: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  for await (const batch of xmlEvents(entryContent(zip, entry, MAX_SHARED_BYTES, sharedStringsTooBig)))
    for (const event of batch) {
      if (event.type === 'text') {
        if (!text || !inText || phonetic > 0) continue;
        cost += event.text.length;
        if (cost > MAX_SHARED_CHARACTERS) throw sharedStringsTooBig();
        text.push(event.text);
      } else if (event.name === 'si') {
        if (event.type === 'open') text = [];
        else if (text) {
          cost += SHARED_STRING_COST;
          if (cost > MAX_SHARED_CHARACTERS) throw sharedStringsTooBig();
          strings.push(text.join(''));
          text = undefined;
        }
      } else if (event.name === 't') inText = event.type === 'open';
      else if (event.name === 'rPh') phonetic += event.type === 'open' ? 1 : -1;
    }
  return strings;
}
