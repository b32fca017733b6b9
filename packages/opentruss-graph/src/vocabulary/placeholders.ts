/**
 * The "default/unassigned" hierarchy OpenTruss creates on every start (services/schema.py). Business figures
 * leave these out.
 */
const PLACEHOLDER_ID_PREFIXES = ['default_', 'unassigned_'] as const;

export const PLACEHOLDER_IDS = {
  project: 'default_project',
  building: 'default_building',
  division: 'default_division',
  subDivision: 'unassigned_subdivision',
  /** Created without a SubDivision→Item relationship: an orphan in real data too. */
  item: 'unassigned_item',
} as const;

export function isPlaceholderId(id: string): boolean {
  return PLACEHOLDER_ID_PREFIXES.some((prefix) => id.startsWith(prefix));
}

/**
 * Cypher condition that is true for nodes that are NOT placeholders, e.g. `notPlaceholder('p')` →
 * `NOT (p.id STARTS WITH 'default_' OR p.id STARTS WITH 'unassigned_')`.
 */
export function notPlaceholder(variable: string): string {
  const tests = PLACEHOLDER_ID_PREFIXES.map((prefix) => `${variable}.id STARTS WITH '${prefix}'`);
  return `NOT (${tests.join(' OR ')})`;
}
