import { statementKind } from '@opentruss/cypher';

/** @deprecated prepareStatement's `kind` says it: `statement.kind === 'show'`. */
export const needsAutoCommit = (cypher: string): boolean => statementKind(cypher) === 'show';
