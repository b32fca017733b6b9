// Bolt as Memgraph speaks it, in layers that only point down (neo4j-javascript-driver's bolt-connection shape):
//   wire.ts      the preamble, the one byte sequence below every layer
//   channel/     bytes: one port for raw TCP and WebSocket, back-pressure, TLS, chunks in
//   packstream/  values: PackStream v1 and driver values ⇄ structures per Bolt version
//   bolt/        messages: versions and handshake, tags, framing out, requests and replies, Memgraph's metadata and
//                errors, the ledger of requests awaiting replies
//   connection/  the lifecycle of a server connection: handshake, login phases, fail-until-RESET, ordered replies
//   client/      the Bolt client: handshake and login, requests and their replies, then a byte pipe
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
export { BOLT4, BOLT5, packValue, isTemporal, tags as structureTags, ValueEncodingError, type Dialect } from './packstream/values';
export { createHydrator } from './packstream/hydrate';
export { setEntry, mapEntries } from './packstream/safe-object';
// Calendar arithmetic the value codec uses, for other readers of temporal text (Jolt fixtures).
export {
  epochSecondFromLocal,
  floorDiv,
  floorMod,
  NANOS_PER_SECOND,
  zoneOffsetAtInstant,
} from './packstream/temporal-math';
export { ChunkReader, Dechunker, ChunkingError, MAX_MESSAGE_BYTES } from './channel/dechunker';
export { MessageFramer, frameMessage } from './bolt/message-framer';
export { encodeMessage, type FieldPacker } from './bolt/encode-message';
export { SUPPORTED_BOLT_VERSIONS, isBolt5, type BoltVersion } from './bolt/versions';
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
} from './bolt/handshake';
export { requestTypes, responseTags, requestTags, type RequestType } from './bolt/messages';
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
} from './bolt/memgraph';
export { PendingRequests, UnexpectedReplyError, type PendingRequest, type SummaryTag } from './bolt/pending-requests';
export { ReplyWriter, RecordEncodingError, FLUSH_THRESHOLD } from './bolt/reply-writer';
export { decodeRequest, mapField, type ClientRequest } from './bolt/requests';
export { ServerConnection } from './connection/server-connection';
// What a handler plugs into a server connection: the whole of handler.ts is API.
export * from './connection/handler';
export { ResponseScanner, type MessageHandler, type ScannedMessage } from './bolt/response-scanner';
export { BoltClient } from './client/bolt-client';
export { connectSocket, type BoltClientOptions } from './client/connect';
export { type BoltReply, type SummaryType } from './client/reply-router';
export { BoltPipe } from './client/bolt-pipe';
export { BoltClientError, type BoltClientErrorKind, type BoltFailureMetadata } from './client/client-error';
export { logIn, type LoginOptions } from './client/login';
export * from './memgraph-info';
