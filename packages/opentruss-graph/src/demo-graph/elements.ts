import type { ElementStatus, LotStatus } from '../vocabulary';
import type { NodeProperties, PropertyValue } from './model';
import { MATERIALS } from './names';
import { type Random, uniqueHex } from './random';
import { type DemoTimestamp, localDateTime, zonedDateTime } from './timestamps';

/** Chance that an element is Verified, by the status of its lot (unassigned elements: `none`). */
const VERIFIED_SHARE: Readonly<Record<LotStatus | 'none', number>> = {
  none: 0.03,
  PLANNING: 0.05,
  IN_PROGRESS: 0.4,
  SUBMITTED: 0.92,
  APPROVED: 0.97,
  PUBLISHED: 0.97,
};

/** Share of elements with an AI recognition confidence (manually drawn ones have none). */
const CONFIDENCE_SHARE = 0.88;

const LINEAR_TYPES = new Set(['Wall', 'Beam', 'Pipe', 'Duct', 'CableTray', 'Conduit', 'Hanger', 'Door', 'Window']);

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function geometry(random: Random, speckleType: string, elevation: number): PropertyValue {
  const x = round(random.between(0, 80), 1);
  const y = round(random.between(0, 40), 1);
  const z = round(elevation, 2);
  if (LINEAR_TYPES.has(speckleType)) {
    const length = random.between(1, 12);
    const alongX = random.chance(0.5);
    const end = alongX ? [round(x + length, 1), y, z] : [x, round(y + length, 1), z];
    return { type: 'Line', coordinates: [[x, y, z], end], closed: false };
  }
  const width = round(random.between(0.4, speckleType === 'Column' ? 1.2 : 12), 1);
  const depth = round(random.between(0.4, speckleType === 'Column' ? 1.2 : 10), 1);
  return {
    type: 'Polyline',
    coordinates: [
      [x, y, z],
      [round(x + width, 1), y, z],
      [round(x + width, 1), round(y + depth, 1), z],
      [x, round(y + depth, 1), z],
    ],
    closed: true,
  };
}

/** A recognition confidence skewed high, as a model that is mostly sure of itself reports it. */
function confidence(random: Random): number {
  return round(0.3 + 0.7 * (1 - Math.pow(random.next(), 2.5)), 3);
}

export interface ElementContext {
  counter: number;
  speckleTypes: readonly string[];
  levelId: string;
  levelElevation: number;
  /** Epoch microseconds of ingestion. */
  createdAt: number;
  lot?: {
    id: string;
    status: LotStatus;
    /** Epoch microseconds: when the element was grouped into the lot (or later verified). */
    touchedAt: number;
    /** The `classify_element` quirk: `inspection_lot_id` set to NULL while the lot relationship stays. */
    lostLotId: boolean;
  };
}

const yyyymmdd = (epochMicros: number) =>
  new Date(Math.floor(epochMicros / 1000)).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * An Element's properties as ingestion and the workbench leave them: created_at a LocalDateTime; updated_at a
 * zoned DateTime once any later update ran (`e.updated_at = datetime()`), else the ingestion LocalDateTime.
 */
export function elementProperties(random: Random, context: ElementContext): NodeProperties {
  const speckleType = random.pick(context.speckleTypes);
  const lotStatus = context.lot?.status ?? 'none';
  const status: ElementStatus = random.chance(VERIFIED_SHARE[lotStatus]) ? 'Verified' : 'Draft';
  // Submitting a lot checks height, material and geometry, so lots past IN_PROGRESS have them all.
  const complete =
    lotStatus === 'SUBMITTED' || lotStatus === 'APPROVED' || lotStatus === 'PUBLISHED' || random.chance(0.85);
  const flat = speckleType === 'Floor' || speckleType === 'Roof' || speckleType === 'Ceiling';
  const updatedAt: DemoTimestamp = context.lot
    ? zonedDateTime(context.lot.touchedAt)
    : localDateTime(context.createdAt);
  return {
    id: `element_${yyyymmdd(context.createdAt)}_${uniqueHex(context.counter)}`,
    speckle_id: random.chance(0.9) ? random.hex(32) : undefined,
    speckle_type: speckleType,
    geometry: geometry(random, speckleType, context.levelElevation),
    height: complete ? round(flat ? random.between(0.1, 0.3) : random.between(2.8, 4.2), 2) : undefined,
    base_offset: complete ? round(flat ? 0 : random.between(0, 0.3), 2) : undefined,
    material: complete ? random.pick(MATERIALS[speckleType] ?? ['未指定']) : undefined,
    level_id: context.levelId,
    inspection_lot_id: context.lot && !context.lot.lostLotId ? context.lot.id : undefined,
    status,
    confidence: random.chance(CONFIDENCE_SHARE) ? confidence(random) : undefined,
    locked: lotStatus === 'APPROVED' || lotStatus === 'PUBLISHED',
    created_at: localDateTime(context.createdAt),
    updated_at: updatedAt,
  };
}
