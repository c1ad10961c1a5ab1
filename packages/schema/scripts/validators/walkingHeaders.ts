import { DEPTH_PARAMETER } from './compileMemoized.ts';

// Generation time only: the "valid?" validators' functions take `(data, depth)`. ajv writes each as
// `function validateN(data, {instancePath="", parentData, parentDataProperty, rootData=data,
// dynamicAnchors={}}={})`, plus a reset of its `evaluated` record: for thousands of calls per form,
// a destructured options object none of them needs (nothing in these functions calls another
// function of ajv's way: every call between them is ours, compileMemoized.ts's keywords) and, in
// most, an `evaluated` record only `unevaluated*` keywords would read (splitSchema refuses them).

const HEADER =
  /^function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)\{\nlet vErrors = null;\nlet errors = 0;\n(const evaluated0 = \1\.evaluated;\nif\(evaluated0\.dynamicProps\)\{\nevaluated0\.props = undefined;\n\}\nif\(evaluated0\.dynamicItems\)\{\nevaluated0\.items = undefined;\n\}\n)?/;

/**
 * ajv's standalone code of a "valid?" validator with every function's header rewritten to
 * `function validateN(data, walkDepth)` (`instancePath`, still written into the errors that no one
 * reads, is ''). The reset of `evaluated` stays in the functions that use it (a discriminated oneOf
 * records the properties it evaluated). Throws if a function does not start as expected, or if
 * ajv's code reads one of the dropped options: a newer ajv must be looked at before it is trusted.
 */
export function walkingHeaders(code: string): string {
  const parts = code.split(/(?=^function validate\d+\()/m);
  return parts
    .map((part, i) => {
      if (i === 0 && !part.startsWith('function ')) return part;
      const header = HEADER.exec(part);
      if (!header) throw new Error(`unexpected start of a generated function: ${part.slice(0, 120)}`);
      const [whole, name, evaluated] = header;
      const body = part.slice(whole.length);
      if (/\b(parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(body))
        throw new Error(`${name} reads an option its rewritten header drops`);
      const keep = evaluated && body.includes('evaluated0') ? evaluated : '';
      return `function ${name}(data, ${DEPTH_PARAMETER}){\nconst instancePath = "";\nlet vErrors = null;\nlet errors = 0;\n${keep}${body}`;
    })
    .join('');
}
