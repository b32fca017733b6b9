// The pending-request ledger: every reply belongs to the oldest request still waiting; a FAILURE makes the peer
// ignore everything until a RESET succeeds.
import { responseTags, type RequestType } from '../src/bolt/messages';
import { PendingRequests, UnexpectedReplyError, type PendingRequest } from '../src/bolt/pending-requests';

interface Sent extends PendingRequest {
  name: string;
}

const { SUCCESS, RECORD, IGNORED, FAILURE } = responseTags;

function ledgerWith(...types: RequestType[]): PendingRequests<Sent> {
  const ledger = new PendingRequests<Sent>();
  types.forEach((type, i) => ledger.sent({ type, name: `${type}#${i}` }));
  return ledger;
}

describe('PendingRequests', () => {
  it('routes RECORDs to the oldest request without settling it, and each summary settles the oldest in turn', () => {
    const ledger = ledgerWith('RUN', 'PULL', 'RESET');
    expect(ledger.route(SUCCESS)).toEqual({ request: { type: 'RUN', name: 'RUN#0' }, settled: true });
    expect(ledger.route(RECORD)).toEqual({ request: { type: 'PULL', name: 'PULL#1' }, settled: false });
    expect(ledger.route(RECORD).request.name).toBe('PULL#1');
    expect(ledger.size).toBe(2);
    expect(ledger.route(SUCCESS).request.name).toBe('PULL#1');
    expect(ledger.current?.name).toBe('RESET#2');
    expect(ledger.settle(SUCCESS).name).toBe('RESET#2');
    expect(ledger.size).toBe(0);
    expect(ledger.current).toBeUndefined();
  });

  it('refuses a reply nobody asked for, and a tag that is not a reply', () => {
    expect(() => ledgerWith().route(SUCCESS)).toThrow(new UnexpectedReplyError('an answer nobody asked for'));
    expect(() => ledgerWith().route(RECORD)).toThrow(UnexpectedReplyError);
    expect(() => ledgerWith('RUN').route(0x10)).toThrow('not a Bolt reply: tag 0x10');
  });

  it('knows the peer ignores everything after a FAILURE until a RESET succeeds', () => {
    const ledger = ledgerWith('RUN', 'PULL', 'RESET', 'RUN', 'RESET');
    expect(ledger.peerFailed).toBe(false);
    ledger.route(FAILURE);
    expect(ledger.peerFailed).toBe(true);
    ledger.route(IGNORED); // the PULL behind it
    expect(ledger.peerFailed).toBe(true);
    ledger.route(SUCCESS); // the RESET
    expect(ledger.peerFailed).toBe(false);
    ledger.route(FAILURE); // the second RUN
    ledger.route(IGNORED); // a RESET that was itself ignored does not clear it
    expect(ledger.peerFailed).toBe(true);
  });

  it('does not take a SUCCESS to anything but RESET as the end of the failed state', () => {
    const ledger = ledgerWith('RUN', 'RUN');
    ledger.route(FAILURE);
    ledger.route(SUCCESS);
    expect(ledger.peerFailed).toBe(true);
  });
});
