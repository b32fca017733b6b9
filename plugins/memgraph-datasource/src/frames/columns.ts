import { type FieldDTO, FieldType } from '@grafana/data';
import type { Duration, Integer } from 'neo4j-driver';
import { t } from '@grafana/i18n';

import { durationToMs, instantToEpochMs, isoStringToEpochMs } from './temporal';
import { isTimeColumnName, type ResultColumn } from '../model/resultColumn';
import { PLAIN_TEXT } from '@opentruss/contract';
import { GRAPH_KINDS, INSTANT_KINDS, kindOf, type ValueKind } from '../model/valueKinds';
import { BIG_INTEGER_KEY, integerNumber, toPlain, toText } from './values';

export { isTimeColumnName };

export interface Column {
  field: FieldDTO;
  /** Something the viewer should know about this column (shown as a frame notice). */
  notice?: string;
}

const NUMBER_KINDS: ReadonlySet<ValueKind> = new Set(['integer', 'float']);
const STRUCTURED_KINDS: ReadonlySet<ValueKind> = new Set([...GRAPH_KINDS, 'list', 'map']);
const NAMED_TIME_KINDS: ReadonlySet<ValueKind> = new Set([...INSTANT_KINDS, 'string', 'integer', 'float']);

const only = (kinds: ReadonlySet<ValueKind>, allowed: ReadonlySet<ValueKind>) =>
  [...kinds].every((k) => allowed.has(k));

/** What a column becomes, decided from what its values were (learnt on arrival), before any value is converted. */
export type ColumnShape =
  | 'empty' // nothing to learn a type from: all null, or no rows
  | 'time'
  | 'number'
  | 'exactIntegers' // integers beyond ±2^53, shown as exact text
  | 'boolean'
  | 'duration'
  | 'structured' // graph values, lists, maps: JSON
  | 'text';

export function columnShape(column: ResultColumn): ColumnShape {
  const { kinds } = column;
  if (kinds.size === 0) {
    return 'empty';
  }
  if (isTimeColumn(column)) {
    return 'time';
  }
  if (only(kinds, NUMBER_KINDS)) {
    return column.unsafeIntegers ? 'exactIntegers' : 'number';
  }
  if (only(kinds, new Set(['boolean']))) {
    return 'boolean';
  }
  if (only(kinds, new Set(['duration']))) {
    return 'duration';
  }
  return [...kinds].some((k) => STRUCTURED_KINDS.has(k)) ? 'structured' : 'text';
}

/** The shapes that become number fields (what a time series takes as its values). */
export const NUMBER_SHAPES: ReadonlySet<ColumnShape> = new Set(['number', 'duration']);

const exactIntegersNotice = (name: string) =>
  t(
    'frames.notice.exact-integers',
    'Column "{{name}}" holds integers beyond ±2^53, which a browser cannot hold exactly as numbers; they are shown ' +
      'as exact text.',
    { name, ...PLAIN_TEXT }
  );
const nestedBigIntegersNotice = (name: string) =>
  t(
    'frames.notice.nested-big-integers',
    'Column "{{name}}" holds integers beyond ±2^53 inside lists, maps or properties; they are written {{shape}} to ' +
      'stay exact.',
    { name, shape: `{"${BIG_INTEGER_KEY}": "<digits>"}`, ...PLAIN_TEXT }
  );
const mixedNotice = (name: string, kinds: ReadonlySet<ValueKind>) =>
  kinds.size > 1
    ? t('frames.notice.mixed', 'Column "{{name}}" mixes {{kinds}} values; it is shown as text.', {
        name,
        kinds: [...kinds].sort().join(', '),
        ...PLAIN_TEXT,
      })
    : undefined;

/**
 * One column of a result → one Grafana field. The type comes from ALL values, never the first one: a column that
 * mixes types becomes text (or JSON when it holds structures) instead of failing. What the type depends on was
 * learnt as the values arrived (ResultColumn), so the values are walked once more only to convert them.
 */
export function columnField(column: ResultColumn, zone: string): Column {
  const { name, values, kinds } = column;
  const field = (type: FieldType, converted: unknown[], config: FieldDTO['config'] = {}): FieldDTO => ({
    name,
    type,
    values: converted,
    config,
  });

  switch (columnShape(column)) {
    case 'empty':
      // Grafana's neutral type, as its own type guessing gives null values, so a panel neither takes the column
      // for text labels nor for numbers.
      return {
        field: field(
          FieldType.other,
          values.map(() => null)
        ),
      };
    case 'time':
      return {
        field: field(
          FieldType.time,
          values.map((value) => timeValue(value, zone))
        ),
      };
    case 'exactIntegers':
      return { field: field(FieldType.string, values.map(toText)), notice: exactIntegersNotice(name) };
    case 'number':
      return { field: field(FieldType.number, values.map(numberValue)) };
    case 'boolean':
      return {
        field: field(
          FieldType.boolean,
          values.map((v) => (v === null || v === undefined ? null : v))
        ),
      };
    case 'duration':
      return {
        field: field(
          FieldType.number,
          values.map((v) => (v === null || v === undefined ? null : durationToMs(v as Duration<Integer>))),
          { unit: 'ms' }
        ),
      };
    case 'structured': {
      let bigIntegers = 0;
      const countBigInteger = () => bigIntegers++;
      const plain = values.map((value) => toPlain(value, countBigInteger));
      return {
        field: field(FieldType.other, plain),
        notice: bigIntegers ? nestedBigIntegersNotice(name) : undefined,
      };
    }
    case 'text':
      return { field: field(FieldType.string, values.map(toText)), notice: mixedNotice(name, kinds) };
  }
}

/**
 * The notice `columnField` would attach, without building the field (for frames that are not a table); only a
 * structured column is walked, for integers beyond ±2^53 inside it.
 */
export function columnNotice(column: ResultColumn): string | undefined {
  switch (columnShape(column)) {
    case 'exactIntegers':
      return exactIntegersNotice(column.name);
    case 'structured':
      return column.values.some(holdsBigInteger) ? nestedBigIntegersNotice(column.name) : undefined;
    case 'text':
      return mixedNotice(column.name, column.kinds);
    default:
      return undefined;
  }
}

/** Whether `toPlain` would write a BigInteger somewhere in the value. */
function holdsBigInteger(value: unknown): boolean {
  let found = false;
  toPlain(value, () => (found = true));
  return found;
}

/**
 * A time column holds only Date / LocalDateTime / DateTime values — or, when named `time`, also ISO strings and
 * epoch-ms numbers, in any mix (OpenTruss stores all three kinds). A string that is not ISO keeps it text.
 */
function isTimeColumn(column: ResultColumn): boolean {
  if (isTimeColumnName(column.name)) {
    return only(column.kinds, NAMED_TIME_KINDS) && !column.nonIsoStrings;
  }
  return only(column.kinds, INSTANT_KINDS);
}

/** A value of a time column → epoch ms. */
function timeValue(value: unknown, zone: string): number | null {
  const kind = kindOf(value);
  if (kind === 'null') {
    return null;
  }
  if (kind === 'string') {
    return isoStringToEpochMs(value as string, zone); // never null: the column holds only ISO strings
  }
  if (kind === 'integer' || kind === 'float') {
    return numberValue(value);
  }
  return instantToEpochMs(value, zone);
}

function numberValue(value: unknown): number | null {
  const kind = kindOf(value);
  if (kind === 'null') {
    return null;
  }
  return kind === 'integer' ? integerNumber(value as Integer) : (value as number);
}
