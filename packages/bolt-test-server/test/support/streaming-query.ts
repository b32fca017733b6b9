export const STREAM_QUERY = 'MATCH (e:Element) RETURN e.seq, e.id, e.confidence, e.verified, e.status, e.level';
