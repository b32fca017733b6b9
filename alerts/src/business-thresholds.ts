// Thresholds of the business alerts. The ops manual lists the business metrics (§2.1.3: lots by status, elements
// by status, activity, division acceptance progress) but gives no numbers, so these defaults are ours, chosen
// for a construction-quality team; each can be changed at generation time with its environment variable.
export interface BusinessThresholds {
  /** ApprovalBacklogAgeing: the oldest SUBMITTED lot has waited longer than this. */
  approvalBacklogHours: number;
  /** ApprovalRejectionRateHigh: share of the last 24 h's decisions (per project) that were rejections. */
  rejectionRatePercent: number;
  /** … only once a project had at least this many decisions in those 24 h (2 of 3 is no trend). */
  rejectionMinDecisions: number;
  /** AcceptanceStalled: no approval in a building for this long while its oldest waiting lot waits as long. */
  acceptanceStalledDays: number;
  /** BusinessMetricsStale: the business exporter's last successful collection is older than this. */
  staleAfterMinutes: number;
}

export const DEFAULT_BUSINESS_THRESHOLDS: BusinessThresholds = {
  // Three days: an inspection lot is normally accepted within a working day or two of submission, so a Friday
  // submission survives a weekend without an alert; longer means an approver is missing or the lot is forgotten,
  // and the next process on site is held up (下道工序不得在上道工序验收前施工).
  approvalBacklogHours: 72,
  // A third of decisions sent back: far above the few-in-ten returns of normal review, it points at a systematic
  // cause (bad AI recognition, incomplete data cleaning, a changed rule) rather than single lots.
  rejectionRatePercent: 30,
  rejectionMinDecisions: 10,
  // A week without any acceptance while lots have waited a week: nobody is approving at all.
  acceptanceStalledDays: 7,
  // The exporter collects every 2 minutes; 15 minutes is several missed collections, not one slow one.
  staleAfterMinutes: 15,
};

/** Environment variable (read at `npm run generate -w alerts`), lowest sensible value and meaning of each. */
export const BUSINESS_SETTINGS: Record<keyof BusinessThresholds, { env: string; min: number; meaning: string }> = {
  approvalBacklogHours: { env: 'BUSINESS_APPROVAL_BACKLOG_HOURS', min: 1, meaning: 'hours a lot may await approval' },
  rejectionRatePercent: { env: 'BUSINESS_REJECTION_RATE_PERCENT', min: 1, meaning: 'rejections in % of decisions' },
  rejectionMinDecisions: { env: 'BUSINESS_REJECTION_MIN_DECISIONS', min: 1, meaning: 'decisions per project and day' },
  acceptanceStalledDays: { env: 'BUSINESS_ACCEPTANCE_STALLED_DAYS', min: 1, meaning: 'days without an approval' },
  staleAfterMinutes: { env: 'BUSINESS_METRICS_STALE_MINUTES', min: 5, meaning: 'minutes since the last collection' },
};
