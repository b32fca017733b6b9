// The one log format of the stack's own Node services (Bolt gateway, business exporter, demo data, demo metrics):
// one JSON object per line, `{"time": ISO-8601, "level": …, "service": …, "msg": …, …fields}`. Alloy reads
// `level` from it (deploy/alloy/config.alloy) and Loki labels the line with it.

/** Levels in the ops manual's words (§3.1), lower case as the Loki `level` label spells them. */
export const LOG_LEVELS = [
  "debug",
  "info",
  "warning",
  "error",
  "critical",
] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One log line (without its newline). Fields never override time, level, service or msg. */
export function formatLogLine(
  service: string,
  level: LogLevel,
  msg: string,
  fields: Record<string, unknown> = {},
  now: Date = new Date(),
): string {
  return JSON.stringify({
    ...fields,
    time: now.toISOString(),
    level,
    service,
    msg,
  });
}

/** Anything lines can be written to (a Node stream in the services; no Node API is referenced here). */
export interface TextSink {
  write(text: string): unknown;
}

/** Errors and worse to `stderr`, the rest to `stdout`, one line each (Docker's json-file log keeps the stream). */
export function stdStreamsWriter(
  stdout: TextSink,
  stderr: TextSink,
): (line: string, level: LogLevel) => void {
  return (line, level) =>
    (level === "error" || level === "critical" ? stderr : stdout).write(
      line + "\n",
    );
}

/** A logger of such lines for `service`; `write` receives each line without its newline, and its level. */
export function jsonLineLogger(
  service: string,
  write: (line: string, level: LogLevel) => void,
): (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void {
  return (level, msg, fields) =>
    write(formatLogLine(service, level, msg, fields), level);
}

/** Output of such a service as text for people and tests: each log line shown as `[service] msg`, other lines as they are. */
export function logLinesAsText(output: string): string {
  return output
    .split("\n")
    .map((line) => {
      try {
        const { service, msg } = JSON.parse(line) as {
          service: string;
          msg: string;
        };
        return `[${service}] ${msg}`;
      } catch {
        return line;
      }
    })
    .join("\n");
}
