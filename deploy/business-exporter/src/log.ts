import type { LogLevel } from '@opentruss/contract';

/** Where the exporter reports what it does (a JSON line on stdout in the container, an array in tests). */
export type Log = (line: string, level?: LogLevel) => void;
