import { posix } from 'node:path';
import { badSpreadsheet, MAX_PART_BYTES, partTooBig } from './xlsxLimits.ts';
import { type XmlEvent, xmlEvents } from './xmlEvents.ts';
import { entryContent, type ZipArchive } from './zipArchive.ts';

/** Where a workbook keeps what an import reads: its first sheet (name and part) and its shared strings. */
export interface WorkbookParts {
  readonly sheetName: string;
  readonly sheetPart: string;
  readonly sharedStringsPart: string | undefined;
}

/** Every event of a small part (none when the archive has no such part), within MAX_PART_BYTES. */
async function smallPart(zip: ZipArchive, name: string): Promise<XmlEvent[]> {
  const entry = zip.entries.get(name);
  if (!entry) return [];
  const events: XmlEvent[] = [];
  for await (const batch of xmlEvents(entryContent(zip, entry, MAX_PART_BYTES, () => partTooBig(name))))
    events.push(...batch);
  return events;
}

/** A part's relationships: id → type and target part (resolved against the part's folder). */
async function relationships(zip: ZipArchive, part: string) {
  const folder = posix.dirname(part);
  const rels = await smallPart(zip, posix.join(folder, '_rels', `${posix.basename(part)}.rels`));
  const byId = new Map<string, { type: string; target: string }>();
  for (const event of rels) {
    if (event.type !== 'open' || event.name !== 'Relationship') continue;
    const { Id, Type, Target, TargetMode } = event.attributes;
    if (!Id || !Type || !Target || TargetMode === 'External') continue;
    const target = Target.startsWith('/') ? Target.slice(1) : posix.normalize(posix.join(folder, Target));
    byId.set(Id, { type: Type, target });
  }
  return byId;
}

const ofType = (rels: Map<string, { type: string; target: string }>, type: string) =>
  [...rels.values()].find((rel) => rel.type.endsWith(`/${type}`))?.target;

/** Finds the workbook part, its first sheet (the first tab) and its shared strings, by their relationships. */
export async function workbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const workbook = ofType(await relationships(zip, ''), 'officeDocument') ?? 'xl/workbook.xml';
  const rels = await relationships(zip, workbook);
  const sheet = (await smallPart(zip, workbook)).find(
    (event) => event.type === 'open' && event.name === 'sheet',
  );
  const attributes = sheet?.type === 'open' ? sheet.attributes : {};
  const sheetPart = attributes.id ? rels.get(attributes.id)?.target : undefined;
  if (!sheetPart || !zip.entries.has(sheetPart)) throw badSpreadsheet('no worksheet');
  return {
    sheetName: attributes.name ?? sheetPart,
    sheetPart,
    sharedStringsPart: ofType(rels, 'sharedStrings'),
  };
}
