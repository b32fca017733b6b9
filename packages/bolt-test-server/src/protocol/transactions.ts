// Explicit transactions (BEGIN … COMMIT/ROLLBACK): what is open, and when Memgraph refuses to begin or end one.
import { errorCodes, transactionTimeout } from '@opentruss/bolt-protocol';
import { TransactionDeadline } from '../responders/interrupts';
import { closeWith, failWith, type Refusal } from './refusals';
import { timeoutOf, type Metadata } from './requests';

export interface OpenTransaction {
  extra: Metadata;
  deadline: TransactionDeadline;
  nextQid: number;
}

export function openTransaction(extra: Metadata): OpenTransaction {
  return { extra, deadline: new TransactionDeadline(timeoutOf(extra)), nextQid: 0 };
}

/** Why BEGIN is refused, or undefined when it may open a transaction. */
export function beginRefusal(resultOpen: boolean, transaction: OpenTransaction | undefined): Refusal | undefined {
  if (resultOpen) {
    return closeWith('BEGIN while a result is open');
  }
  if (transaction) {
    return failWith({ code: errorCodes.client, message: 'Nested transactions are not supported.' });
  }
  return undefined;
}

/** Why COMMIT/ROLLBACK is refused, or undefined when it may end the transaction. */
export function endRefusal(
  type: 'COMMIT' | 'ROLLBACK',
  resultOpen: boolean,
  transaction: OpenTransaction | undefined
): Refusal | undefined {
  if (resultOpen) {
    return closeWith(`${type} while a result is open`);
  }
  if (!transaction) {
    const verb = type === 'COMMIT' ? 'commit' : 'rollback';
    return failWith({ code: errorCodes.client, message: `No current transaction to ${verb}.` });
  }
  if (type === 'COMMIT' && transaction.deadline.expired) {
    return failWith(transactionTimeout);
  }
  return undefined;
}
