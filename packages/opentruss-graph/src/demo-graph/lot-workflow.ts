import type { ApprovalAction, ApprovalRole, LotStatus } from '../vocabulary';
import type { Random } from './random';

/** One status change of a lot. `recorded` ones (approve/reject) leave an ApprovalHistory node; the rest only `updated_at`. */
export interface LotTransition {
  from: LotStatus;
  to: LotStatus;
  /** Epoch microseconds. */
  at: number;
  recorded?: { action: ApprovalAction; role: ApprovalRole };
}

export interface LotWorkflow {
  status: LotStatus;
  /** Epoch microseconds. */
  createdAt: number;
  transitions: LotTransition[];
}

/** Share of lots in each current status: a site a few months into the works. */
const LOT_STATUS_WEIGHTS: Readonly<Record<LotStatus, number>> = {
  PLANNING: 12,
  IN_PROGRESS: 23,
  SUBMITTED: 15,
  APPROVED: 30,
  PUBLISHED: 20,
};

const DAY = 86_400_000_000;

/** How long each forward step takes (days, uniform). */
const STEP_DAYS: Readonly<Record<string, readonly [number, number]>> = {
  'PLANNING>IN_PROGRESS': [0.5, 6],
  'IN_PROGRESS>SUBMITTED': [1, 12],
  'SUBMITTED>APPROVED': [0.05, 5],
  'SUBMITTED>IN_PROGRESS': [0.05, 4],
  'SUBMITTED>PLANNING': [0.05, 4],
  'APPROVED>PUBLISHED': [1, 15],
  'APPROVED>IN_PROGRESS': [1, 10],
  'APPROVED>PLANNING': [1, 10],
};

/** How long a lot has been in its current status at `now` (days). Spread so "awaiting approval by age" has every bucket. */
const DWELL_DAYS: Readonly<Record<LotStatus, readonly [number, number]>> = {
  PLANNING: [0, 20],
  IN_PROGRESS: [0, 15],
  SUBMITTED: [0.02, 12],
  APPROVED: [0, 30],
  PUBLISHED: [0, 120],
};

type Step = Omit<LotTransition, 'at'>;

const FORWARD: readonly LotStatus[] = ['PLANNING', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'PUBLISHED'];

function forwardSteps(from: LotStatus, to: LotStatus): Step[] {
  const steps: Step[] = [];
  for (let index = FORWARD.indexOf(from); index < FORWARD.indexOf(to); index++) {
    const step: Step = { from: FORWARD[index], to: FORWARD[index + 1] };
    if (step.to === 'APPROVED') {
      // approval.py records role APPROVER on approve, even when a PM approves.
      step.recorded = { action: 'APPROVE', role: 'APPROVER' };
    }
    steps.push(step);
  }
  return steps;
}

/** A reject as approval.py allows it: an APPROVER only SUBMITTED → IN_PROGRESS; a PM also → PLANNING, or from APPROVED. */
function rejection(random: Random, from: 'SUBMITTED' | 'APPROVED', to?: 'IN_PROGRESS' | 'PLANNING'): Step {
  const target = to ?? (random.chance(0.75) ? 'IN_PROGRESS' : 'PLANNING');
  const role: ApprovalRole = from === 'SUBMITTED' && target === 'IN_PROGRESS' && random.chance(0.7) ? 'APPROVER' : 'PM';
  return { from, to: target, recorded: { action: 'REJECT', role } };
}

/** The status changes that lead a new (PLANNING) lot to `target`, with 0–2 rejection cycles on the way. */
function stepsTo(random: Random, target: LotStatus): Step[] {
  const steps: Step[] = [];
  let state: LotStatus = 'PLANNING';
  const sentBack = target === 'PLANNING' || target === 'IN_PROGRESS';
  const cycles = sentBack ? (random.chance(0.2) ? 1 : 0) : random.chance(0.3) ? (random.chance(0.3) ? 2 : 1) : 0;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const last = cycle === cycles - 1;
    const forcedTarget = last && sentBack ? (target as 'IN_PROGRESS' | 'PLANNING') : undefined;
    const fromApproved = !sentBack && random.chance(0.15);
    const rejectFrom = fromApproved ? 'APPROVED' : 'SUBMITTED';
    steps.push(...forwardSteps(state, rejectFrom));
    const reject = rejection(random, rejectFrom, forcedTarget);
    steps.push(reject);
    state = reject.to;
  }
  steps.push(...forwardSteps(state, target));
  return steps;
}

/**
 * A lot's history ending at `now`: its current status drawn from LOT_STATUS_WEIGHTS, the steps that lead there,
 * and timestamps going backwards from now (time in the current status, then each step's duration), compressed
 * if needed so the lot is no older than `historyDays`.
 */
export function simulateLotWorkflow(random: Random, now: number, historyDays: number): LotWorkflow {
  const status = random.weighted(LOT_STATUS_WEIGHTS);
  const steps = stepsTo(random, status);
  const [dwellMin, dwellMax] = DWELL_DAYS[status];
  // Skewed towards recent changes (u²), as on a site where most lots move every few days.
  const dwell = (dwellMin + (dwellMax - dwellMin) * random.next() ** 2) * DAY;
  const durations = steps.map((step) => {
    const [min, max] = STEP_DAYS[`${step.from}>${step.to}`];
    return random.between(min, max) * DAY;
  });
  const creationLead = random.between(0, 2) * DAY;
  const span = dwell + creationLead + durations.reduce((sum, duration) => sum + duration, 0);
  const maxSpan = (historyDays - 1) * DAY;
  const scale = span > maxSpan ? maxSpan / span : 1;

  let at = Math.floor(now - span * scale);
  const createdAt = at;
  at += Math.floor(creationLead * scale);
  const transitions = steps.map((step, index) => {
    at += Math.max(1, Math.floor(durations[index] * scale));
    return { ...step, at };
  });
  return { status, createdAt, transitions };
}
