/**
 * Node labels and relationship types exactly as the OpenTruss backend writes them (the OpenTruss repository's
 * backend/app/models/gb50300/*.py and services/schema.py).
 */
export const LABELS = {
  project: 'Project',
  building: 'Building',
  division: 'Division',
  subDivision: 'SubDivision',
  item: 'Item',
  inspectionLot: 'InspectionLot',
  element: 'Element',
  level: 'Level',
  approvalHistory: 'ApprovalHistory',
  user: 'User',
} as const;

export type Label = (typeof LABELS)[keyof typeof LABELS];

export const RELATIONSHIP_TYPES = {
  physicallyContains: 'PHYSICALLY_CONTAINS',
  managementContains: 'MANAGEMENT_CONTAINS',
  hasLot: 'HAS_LOT',
  locatedAt: 'LOCATED_AT',
  hasApprovalHistory: 'HAS_APPROVAL_HISTORY',
} as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[keyof typeof RELATIONSHIP_TYPES];

/** Which relationship connects which labels, in the direction the OpenTruss code creates it. */
export interface RelationshipShape {
  start: Label;
  type: RelationshipType;
  end: Label;
}

export const RELATIONSHIP_SHAPES: readonly RelationshipShape[] = [
  { start: 'Project', type: 'PHYSICALLY_CONTAINS', end: 'Building' },
  { start: 'Building', type: 'PHYSICALLY_CONTAINS', end: 'Level' },
  { start: 'Building', type: 'MANAGEMENT_CONTAINS', end: 'Division' },
  { start: 'Division', type: 'MANAGEMENT_CONTAINS', end: 'SubDivision' },
  { start: 'SubDivision', type: 'MANAGEMENT_CONTAINS', end: 'Item' },
  { start: 'Item', type: 'HAS_LOT', end: 'InspectionLot' },
  { start: 'InspectionLot', type: 'MANAGEMENT_CONTAINS', end: 'Element' },
  { start: 'Element', type: 'LOCATED_AT', end: 'Level' },
  { start: 'InspectionLot', type: 'HAS_APPROVAL_HISTORY', end: 'ApprovalHistory' },
];

/** The labels along the path dashboards walk from a project to its elements. */
const CANONICAL_LABELS: readonly Label[] = [
  'Project',
  'Building',
  'Division',
  'SubDivision',
  'Item',
  'InspectionLot',
  'Element',
];

/** That path as relationships: Project-[:PHYSICALLY_CONTAINS]->Building-[:MANAGEMENT_CONTAINS]->Division … ->Element. */
export const CANONICAL_PATH: readonly RelationshipShape[] = CANONICAL_LABELS.slice(1).map((end, index) => {
  const start = CANONICAL_LABELS[index];
  const shape = RELATIONSHIP_SHAPES.find((candidate) => candidate.start === start && candidate.end === end);
  if (!shape) {
    throw new Error(`No relationship from ${start} to ${end} in RELATIONSHIP_SHAPES`);
  }
  return shape;
});
