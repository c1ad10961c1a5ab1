import { type TemplatePackManifest, templatePackManifestSchema } from '../schemas/templatePack.ts';
import { checkPack } from './checkPack.ts';
import type { DefinitionKind } from './DefinitionKind.ts';

/** Template pack manifests (`pack.json`): schema and meaning checks. */
export const packKind: DefinitionKind<TemplatePackManifest> = {
  kind: 'pack',
  schema: templatePackManifestSchema,
  check: (pack, report) => checkPack(pack, report),
};
