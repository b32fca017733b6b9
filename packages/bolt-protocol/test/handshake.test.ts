// The handshake both server sides (test server, gateway) answer with: collecting its bytes, checking the
// preamble, negotiating; and the preamble's place below the channel and protocol layers.
import fs from 'node:fs';
import path from 'node:path';
import { BOLT_PREAMBLE, answerHandshake, HandshakeReader, HANDSHAKE_SIZE } from '../src/bolt/handshake';
import { DRIVER6_VERSIONS, handshake } from '@opentruss/bolt-testing';

describe('HandshakeReader', () => {
  it('waits for all 20 bytes however they arrive, then hands over the handshake and what followed', () => {
    const bytes = Buffer.concat([handshake(DRIVER6_VERSIONS), Buffer.from([0x00, 0x03])]);
    const reader = new HandshakeReader();
    for (let i = 0; i < HANDSHAKE_SIZE - 1; i++) {
      expect(reader.push(bytes.subarray(i, i + 1))).toBeUndefined();
    }
    const complete = reader.push(bytes.subarray(HANDSHAKE_SIZE - 1));
    expect(complete?.handshake.toString('hex')).toBe(bytes.subarray(0, HANDSHAKE_SIZE).toString('hex'));
    expect(complete?.rest.toString('hex')).toBe('0003');
  });
});

describe('answerHandshake', () => {
  it('agrees on the highest version offered inside the first slot that covers one', () => {
    expect(answerHandshake(handshake(DRIVER6_VERSIONS), ['4.4', '5.2'])).toEqual({ outcome: 'agreed', version: '5.2' });
  });

  it('refuses bytes without the preamble before looking at versions', () => {
    const http = Buffer.concat([Buffer.from('GET '), handshake(DRIVER6_VERSIONS).subarray(4)]);
    expect(answerHandshake(http, ['5.2'])).toEqual({ outcome: 'not-bolt' });
  });

  it('says when no slot covers a version the server speaks', () => {
    const only3 = handshake([0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(answerHandshake(only3, ['4.4', '5.2'])).toEqual({ outcome: 'no-common-version' });
  });
});

describe('the preamble', () => {
  it('is 60 60 B0 17', () => {
    expect(BOLT_PREAMBLE.toString('hex')).toBe('6060b017');
  });

  it('lives below the layers: channel/ imports nothing from bolt/, bolt/ only the chunk parser from channel/', () => {
    const importsOf = (dir: string) =>
      fs
        .readdirSync(path.join(__dirname, '../src', dir))
        .flatMap((file) => [
          ...fs.readFileSync(path.join(__dirname, '../src', dir, file), 'utf8').matchAll(/from '(\.[^']+)'/g),
        ])
        .map((match) => match[1]);
    expect(importsOf('channel').filter((spec) => spec.startsWith('../bolt'))).toEqual([]);
    expect(importsOf('bolt').filter((spec) => spec.startsWith('../channel') && spec !== '../channel/dechunker')).toEqual(
      []
    );
  });
});
