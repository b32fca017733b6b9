// What the relay checks on a request as it arrives, before its turn: strings that are not valid UTF-8 (refused in a
// RUN's or BEGIN's text, a protocol error anywhere else), and a RUN's or BEGIN's extra (refused when it asks for what
// viewers may not, otherwise cut to what may pass).
import { mapField, PackStreamError, type ClientRequest } from '@opentruss/bolt-protocol';
import { checkExtra, invalidTextRefusal, type RequestRefusal } from './request-policy';

/** The refusal a request carries from its arrival, if any; throws PackStreamError for a malformed one. */
export function refusalOnArrival(request: ClientRequest): RequestRefusal | undefined {
  const { type, bytes, fieldStarts, invalidUtf8 } = request;
  if (invalidUtf8 && type !== 'RUN' && type !== 'BEGIN') {
    throw new PackStreamError(`${type} holds a string that is not valid UTF-8`);
  }
  return invalidUtf8 ? invalidTextRefusal(type, bytes, fieldStarts, invalidUtf8) : extraRefusal(request);
}

/** A RUN or BEGIN whose extra asks for what viewers may not; otherwise its extra is cut to what may pass. */
function extraRefusal(request: ClientRequest): RequestRefusal | undefined {
  if (request.type !== 'RUN' && request.type !== 'BEGIN') {
    return undefined;
  }
  const extraIndex = request.type === 'RUN' ? 2 : 0;
  const checked = checkExtra(request.type, mapField(request.fields, extraIndex));
  if ('refusal' in checked) {
    return checked.refusal;
  }
  request.fields[extraIndex] = checked.extra;
  return undefined;
}
