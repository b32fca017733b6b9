import { type FieldDTO, FieldType } from '@grafana/data';
import type { Duration, Integer } from 'neo4j-driver';

import { durationToMs, instantToEpochMs, isoStringToEpochMs } from './temporal';
import {
  GRAPH_KINDS,
  INSTANT_KINDS,
  integerNumber,
  isSafeInteger,
  kindOf,
  toPlain,
  toText,
  type ValueKind,
} from './values';

/** Columns named `time` (or `timeEnd`, for annotations) may hold ISO strings and epoch-ms numbers as times. */
export function isTimeColumnName(name: string): boolean {
  return /^time(_?end)?$/i.test(name);
}

export interface Column {
  field: FieldDTO;
  /** Something the viewer should know about this column (shown as a frame notice). */
  notice?: string;
}

const NUMBER_KINDS: ReadonlySet<ValueKind> = new Set(['integer', 'float']);
const STRUCTURED_KINDS: ReadonlySet<ValueKind> = new Set([...GRAPH_KINDS, 'list', 'map']);

const only = (kinds: Set<ValueKind>, allowed: ReadonlySet<ValueKind>) => [...kinds].every((k) => allowed.has(k));

/**
 * One column of a result → one Grafana field. The type comes from ALL values, never the first one: a column that
 * mixes types becomes text (or JSON when it holds structures) instead of failing.
 */
export function toColumn(name: string, values: unknown[], zone: string): Column {
  const kinds = new Set(values.map(kindOf).filter((k) => k !== 'null'));
  const field = (type: FieldType, converted: unknown[], config: FieldDTO['config'] = {}): FieldDTO => ({
    name,
    type,
    values: converted,
    config,
  });

  if (kinds.size === 0) {
    return {
      field: field(
        FieldType.string,
        values.map(() => null)
      ),
    };
  }
  const asTime = timeValues(name, values, kinds, zone);
  if (asTime) {
    return { field: field(FieldType.time, asTime) };
  }
  if (only(kinds, NUMBER_KINDS)) {
    const unsafe = values.some((v) => kindOf(v) === 'integer' && !isSafeInteger(v as Integer));
    if (unsafe) {
      return {
        field: field(FieldType.string, values.map(toText)),
        notice: `Column "${name}" holds integers beyond ±2^53, which a browser cannot hold exactly as numbers; they are shown as exact text.`,
      };
    }
    return { field: field(FieldType.number, values.map(numberValue)) };
  }
  if (only(kinds, new Set(['boolean']))) {
    return {
      field: field(
        FieldType.boolean,
        values.map((v) => (v === null || v === undefined ? null : v))
      ),
    };
  }
  if (only(kinds, new Set(['duration']))) {
    return {
      field: field(
        FieldType.number,
        values.map((v) => (v === null || v === undefined ? null : durationToMs(v as Duration<Integer>))),
        { unit: 'ms' }
      ),
    };
  }
  if ([...kinds].some((k) => STRUCTURED_KINDS.has(k))) {
    return { field: field(FieldType.other, values.map(toPlain)) };
  }
  return {
    field: field(FieldType.string, values.map(toText)),
    notice:
      kinds.size > 1
        ? `Column "${name}" mixes ${[...kinds].sort().join(', ')} values; it is shown as text.`
        : undefined,
  };
}

function numberValue(value: unknown): number | null {
  const kind = kindOf(value);
  if (kind === 'null') {
    return null;
  }
  return kind === 'integer' ? integerNumber(value as Integer) : (value as number);
}

/**
 * Epoch-ms values when the column is a time column: Date / LocalDateTime / DateTime values anywhere, and — in a
 * column named `time` — also ISO strings and epoch-ms numbers, in any mix (OpenTruss stores all three kinds).
 */
function timeValues(
  name: string,
  values: unknown[],
  kinds: Set<ValueKind>,
  zone: string
): Array<number | null> | undefined {
  const named = isTimeColumnName(name);
  const allowed: ReadonlySet<ValueKind> = named
    ? new Set([...INSTANT_KINDS, 'string', 'integer', 'float'])
    : INSTANT_KINDS;
  if (!only(kinds, allowed)) {
    return undefined;
  }
  const converted: Array<number | null> = [];
  for (const value of values) {
    const kind = kindOf(value);
    let ms: number | null;
    if (kind === 'null') {
      ms = null;
    } else if (kind === 'string') {
      ms = isoStringToEpochMs(value as string, zone);
      if (ms === null) {
        return undefined; // not a time column after all: keep the strings
      }
    } else if (kind === 'integer' || kind === 'float') {
      ms = numberValue(value);
    } else {
      ms = instantToEpochMs(value, zone);
    }
    converted.push(ms);
  }
  return converted;
}
