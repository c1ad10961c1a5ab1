import type { FromSchema } from 'json-schema-to-ts';
import { DEFINITION_ID } from './formDefinition.ts';
import { localizedTextSchema as text } from './localizedText.ts';

/** Current schemaVersion of template pack manifests. */
export const PACK_SCHEMA_VERSION = 1;

/** Semantic version 2.0.0 (the regular expression recommended at semver.org). */
export const SEMVER_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';

// A template pack's manifest (`pack.json`): what the pack is, which engine versions it works with,
// and the files it brings. Paths are relative to the manifest, with `/` separators. A definition
// file is named after its id — `forms/okr.json` holds the form `okr` — so sample data can name its
// form by id and the installer can tell a file from its id without reading it.

const relativePath = { type: 'string', minLength: 1, maxLength: 300 } as const;
const paths = { type: 'array', items: relativePath, minItems: 1, maxItems: 500 } as const;
const semver = { type: 'string', pattern: SEMVER_PATTERN, maxLength: 100 } as const;

export const templatePackManifestSchema = {
  type: 'object',
  properties: {
    kind: { const: 'pack' },
    schemaVersion: { const: PACK_SCHEMA_VERSION },
    /** npm-like: "performance" or "@formboard/performance". */
    name: {
      type: 'string',
      pattern: '^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$',
      maxLength: 214,
    },
    version: semver,
    /** The @formboard engine versions the pack works with, as a semver range ("^0.1.0"). */
    engine: { type: 'string', minLength: 1, maxLength: 200 },
    title: text,
    description: text,
    /** The locales the pack's text is complete in; the first is the pack's default. */
    locales: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
      minItems: 1,
      uniqueItems: true,
    },
    /** The definition files, by kind. */
    contents: {
      type: 'object',
      properties: { forms: paths, dashboards: paths, workflows: paths },
      minProperties: 1,
      additionalProperties: false,
    },
    /** Example records to load on install (CSV with a header row of field paths, or a JSON array). */
    sampleData: {
      type: 'array',
      items: {
        type: 'object',
        properties: { form: { type: 'string', pattern: DEFINITION_ID }, file: relativePath },
        required: ['form', 'file'],
        additionalProperties: false,
      },
    },
    /**
     * The day the sample data describes ("2026-11-27"): on load its dates move by whole weeks so that
     * day falls in the current week, and the sample company never looks months old.
     */
    sampleDataAsOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    /** What changed in each version, shown before upgrading an installed pack. */
    upgradeNotes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { version: semver, notes: text },
        required: ['version', 'notes'],
        additionalProperties: false,
      },
    },
  },
  required: [
    'kind',
    'schemaVersion',
    'name',
    'version',
    'engine',
    'title',
    'description',
    'locales',
    'contents',
  ],
  additionalProperties: false,
} as const;

/** A template pack's manifest. */
export type TemplatePackManifest = FromSchema<typeof templatePackManifestSchema>;
