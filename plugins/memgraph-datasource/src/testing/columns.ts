// Result columns from values at hand, for tests: the product fills columns record by record as they arrive
// (model/cypherResult.ts).
import { type Column, columnField } from '../frames/columns';
import { ResultColumn } from '../model/resultColumn';

export function resultColumn(name: string, values: Iterable<unknown>): ResultColumn {
  const column = new ResultColumn(name);
  for (const value of values) {
    column.add(value);
  }
  return column;
}

/** `columnField` for values at hand. */
export function toColumn(name: string, values: unknown[], zone: string): Column {
  return columnField(resultColumn(name, values), zone);
}
