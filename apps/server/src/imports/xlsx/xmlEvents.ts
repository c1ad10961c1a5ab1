import { SaxesParser } from 'saxes';
import { MAX_XML_RUN, xmlRunTooLong } from './xlsxLimits.ts';

/** What the workbook readers need from XML: elements opening (with attributes) and closing, and text. */
export type XmlEvent =
  | { readonly type: 'open'; readonly name: string; readonly attributes: Readonly<Record<string, string>> }
  | { readonly type: 'close'; readonly name: string }
  | { readonly type: 'text'; readonly text: string };

// SpreadsheetML parts may prefix their elements (`x:row`); the readers match local names.
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * XML events of a part, batch by batch as its bytes arrive (saxes: a conforming, non-validating
 * parser that expands no DTD entities, so a part cannot smuggle in a billion laughs).
 */
export async function* xmlEvents(bytes: AsyncIterable<Buffer>): AsyncGenerator<readonly XmlEvent[]> {
  const parser = new SaxesParser();
  let batch: XmlEvent[] = [];
  // saxes gathers a text, comment or attribute value until it ends: bound what it may gather.
  let run = 0;
  parser.on('opentagstart', () => {
    run = 0;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>))
      attributes[localName(name)] = value;
    batch.push({ type: 'open', name: localName(tag.name), attributes });
  });
  // Also called right after `opentag` for a self-closing element.
  parser.on('closetag', (tag) => {
    run = 0;
    batch.push({ type: 'close', name: localName(tag.name) });
  });
  parser.on('text', (text) => {
    run = 0;
    batch.push({ type: 'text', text });
  });
  parser.on('cdata', (text) => {
    run = 0;
    batch.push({ type: 'text', text });
  });
  const decoder = new TextDecoder('utf-8');
  // Without an error handler, saxes throws from write() at the first error.
  const flush = () => {
    const events = batch;
    batch = [];
    return events;
  };
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    run += text.length;
    if (run > MAX_XML_RUN) throw xmlRunTooLong();
    parser.write(text);
    yield flush();
  }
  parser.write(decoder.decode());
  parser.close();
  yield flush();
}
