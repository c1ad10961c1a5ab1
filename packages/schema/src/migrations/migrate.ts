/** Upgrades a definition of any older schemaVersion to the current one (no migrations exist yet). */
export function migrate(json: unknown): { value: unknown; applied: readonly string[] } {
  return { value: json, applied: [] };
}
