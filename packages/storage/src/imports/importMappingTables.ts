// Column mappings people chose when importing a file into a form, kept per form and header row so the
// next file with the same headers is mapped the same way. The store treats headers and fields as
// opaque lists; the server computes the signature and decides which mapping fits a file.
export const importMappingTables = [
  `CREATE TABLE import_mappings (
    form_id TEXT NOT NULL REFERENCES definitions(id), signature TEXT NOT NULL,
    headers TEXT NOT NULL, fields TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
    PRIMARY KEY (form_id, signature))`,
];
