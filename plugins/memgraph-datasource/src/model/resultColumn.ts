import type { Integer } from 'neo4j-driver';

import { isIsoDateTime } from './isoDateTime';

import { containsGraph, isSafeInteger, kindOf, type ValueKind } from './valueKinds';

/** Columns named `time` (or `timeEnd`, for annotations) may hold ISO strings and epoch-ms numbers as times. */
export function isTimeColumnName(name: string): boolean {
  return /^time(_?end)?$/i.test(name);
}

/**
 * One column of a result, filled value by value as records arrive: the values as the driver decoded them, and
 * what the field's type depends on, learnt on arrival so that choosing the type needs no second look at the values.
 */
export class ResultColumn {
  readonly values: unknown[] = [];
  /** The kinds of the non-null values. */
  readonly kinds = new Set<ValueKind>();
  /** An integer beyond ±2^53 arrived (a number column then becomes exact text). */
  unsafeIntegers = false;
  /** A string that is not an ISO 8601 date-time arrived; only tracked in columns named `time`. */
  nonIsoStrings = false;
  /** A node, relationship or path arrived, at the top or inside a list or map (`auto` then draws a node graph). */
  holdsGraph = false;
  private readonly timeNamed: boolean;

  constructor(readonly name: string) {
    this.timeNamed = isTimeColumnName(name);
  }

  add(value: unknown): void {
    this.values.push(value);
    const kind = kindOf(value);
    if (kind === 'null') {
      return;
    }
    this.kinds.add(kind);
    switch (kind) {
      case 'integer':
        this.unsafeIntegers ||= !isSafeInteger(value as Integer | bigint);
        break;
      case 'string':
        this.nonIsoStrings ||= this.timeNamed && !isIsoDateTime(value as string);
        break;
      case 'node':
      case 'relationship':
      case 'path':
        this.holdsGraph = true;
        break;
      case 'list':
      case 'map':
        this.holdsGraph ||= containsGraph(value);
        break;
    }
  }
}
