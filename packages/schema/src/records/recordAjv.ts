import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The ajv instance for records: formats on, strict, every error reported. */
export const recordAjv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(recordAjv, ['date', 'date-time', 'email', 'uri']);
// People, org units and records are referenced by id; existence is checked by the server.
for (const name of ['user', 'org-unit', 'record']) recordAjv.addFormat(name, /\S/);
