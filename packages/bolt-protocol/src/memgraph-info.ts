// What Memgraph prints, without the wire: for readers that need Memgraph's texts but no Bolt channel (the business
// exporter), so their bundle does not carry the listener and WebSocket code.
export { readableSize, parseReadableSize } from './bolt/readable-size';
export {
  STORAGE_INFO,
  INSTANCE_STORAGE_ROWS,
  DATABASE_STORAGE_ROWS,
  type InstanceStorageRow,
  type DatabaseStorageRow,
} from './bolt/storage-info';
