// Bolt as Memgraph speaks it, in three layers that only point down:
//   wire.ts      the preamble, the one byte sequence below every layer
//   channel/     bytes: one port for raw TCP and WebSocket, back-pressure, TLS
//   packstream/  values: PackStream v1 and driver values ⇄ structures per Bolt version
//   chunking/    messages: chunk framing in and out
//   protocol/    Bolt: versions and handshake, message tags, Memgraph's metadata and errors
export { type ByteChannel, type ChannelHandlers, type Transport } from './channel/channel';
export { BoltListener, type ChannelListener, type BoltListenerOptions } from './channel/listener';
export { TcpChannel, socketDrained } from './channel/tcp-channel';
export { WebSocketChannel } from './channel/websocket-channel';
export { markers } from './packstream/markers';
export {
  PackStreamReader,
  PackStreamError,
  Structure,
  type InvalidUtf8,
  type PackStreamReaderOptions,
  type StructureHydrator,
} from './packstream/reader';
export { PackStreamWriter } from './packstream/writer';
export { BOLT4, BOLT5, createHydrator, packValue, isTemporal, tags as structureTags, ValueEncodingError, type Dialect } from './packstream/values';
export { setEntry, mapEntries } from './packstream/safe-object';
// Calendar arithmetic the value codec uses, for other readers of temporal text (Jolt fixtures).
export {
  epochSecondFromLocal,
  floorDiv,
  floorMod,
  NANOS_PER_SECOND,
  zoneOffsetAtInstant,
} from './packstream/temporal-math';
export { Dechunker, ChunkingError, MAX_MESSAGE_BYTES } from './chunking/dechunker';
export { MessageFramer, frameMessage } from './chunking/message-framer';
export { SUPPORTED_BOLT_VERSIONS, isBolt5, type BoltVersion } from './protocol/versions';
export {
  answerHandshake,
  BOLT_PREAMBLE,
  HandshakeReader,
  HANDSHAKE_SIZE,
  NO_VERSION,
  negotiateVersion,
  versionReply,
  proposalFor,
  type HandshakeAnswer,
} from './protocol/handshake';
export { requestTypes, responseTags, requestTags, type RequestType } from './protocol/messages';
export {
  SERVER_AGENT,
  errorCodes,
  authenticationFailure,
  transactionTimeout,
  memoryLimitExceeded,
  routingTableUnavailable,
  writeQueryOnReplica,
  multicommandTransactionRefusal,
  helloMetadata,
  type BoltFailure,
} from './protocol/memgraph';
export * from './memgraph-info';
