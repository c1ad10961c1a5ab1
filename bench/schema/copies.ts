/**
 * The copies of the benchmark form that the cold rows cycle through, made as a server has a definition:
 * `JSON.parse` of its text (a request body, a stored row, an imported file). It matters how they are
 * made: V8 keeps the objects JSON.parse makes with hundreds of keys (`data.properties`,
 * `layout.nodes`) as hash tables ("dictionary mode"), where `structuredClone` copies them into
 * fixed-layout objects, and some ways of reading an object are several times slower on the one than
 * on the other (`Object.values` on a 500-key hash table costs about four times `Object.keys`).
 */
export function parsedCopies(form: unknown, count = 16): unknown[] {
  const text = JSON.stringify(form);
  return Array.from({ length: count }, () => JSON.parse(text) as unknown);
}
