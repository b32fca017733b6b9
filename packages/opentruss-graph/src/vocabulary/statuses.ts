/** InspectionLot.status in workflow order. */
export const LOT_STATUSES = ['PLANNING', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'PUBLISHED'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** Statuses that count as accepted for division acceptance progress (APPROVED + PUBLISHED ÷ all lots). */
export const ACCEPTED_LOT_STATUSES: readonly LotStatus[] = ['APPROVED', 'PUBLISHED'];

/**
 * Transitions through `PATCH /lots/{id}/status`: they write no ApprovalHistory, only the lot's `updated_at`.
 */
export const UNRECORDED_LOT_TRANSITIONS: ReadonlyArray<readonly [LotStatus, LotStatus]> = [
  ['PLANNING', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'SUBMITTED'],
  ['APPROVED', 'PUBLISHED'],
];

export const APPROVAL_ACTIONS = ['APPROVE', 'REJECT'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** `ApprovalHistory.role`: approve always records APPROVER, even when a PM approves (approval.py). */
export const APPROVAL_ROLES = ['APPROVER', 'PM'] as const;
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];

/**
 * Transitions that write ApprovalHistory (services/approval.py): approve SUBMITTED → APPROVED; an APPROVER rejects
 * SUBMITTED → IN_PROGRESS; a PM rejects SUBMITTED or APPROVED back to IN_PROGRESS or PLANNING.
 */
export interface RecordedTransition {
  action: ApprovalAction;
  role: ApprovalRole;
  from: LotStatus;
  to: LotStatus;
}

export const RECORDED_LOT_TRANSITIONS: readonly RecordedTransition[] = [
  { action: 'APPROVE', role: 'APPROVER', from: 'SUBMITTED', to: 'APPROVED' },
  { action: 'REJECT', role: 'APPROVER', from: 'SUBMITTED', to: 'IN_PROGRESS' },
  { action: 'REJECT', role: 'PM', from: 'SUBMITTED', to: 'IN_PROGRESS' },
  { action: 'REJECT', role: 'PM', from: 'SUBMITTED', to: 'PLANNING' },
  { action: 'REJECT', role: 'PM', from: 'APPROVED', to: 'IN_PROGRESS' },
  { action: 'REJECT', role: 'PM', from: 'APPROVED', to: 'PLANNING' },
];

/** Element.status: Draft by default; Verified only through the batch update. */
export const ELEMENT_STATUSES = ['Draft', 'Verified'] as const;
export type ElementStatus = (typeof ELEMENT_STATUSES)[number];
