// Structured logs: one JSON object per line, with the interaction id where there is one.
// The token is scrubbed from every line, whatever field it hides in.

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export type LogSink = (line: string) => void;

export const stderrSink: LogSink = (line) => void process.stderr.write(`${line}\n`);

export function createLogger(sink: LogSink = stderrSink, secrets: readonly string[] = [], now: () => Date = () => new Date()): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    let line = JSON.stringify({ time: now().toISOString(), level, event, ...fields }, errorsAsText);
    for (const s of hidden) line = line.split(s).join('[redacted]');
    sink(line);
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

// Error objects stringify to {} by default; a log line needs their message and first stack frames.
function errorsAsText(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    // A code (ENOSPC, SQLITE_FULL) says more than the message to whoever reads the log.
    const code = 'code' in value && (typeof value.code === 'string' || typeof value.code === 'number') ? { code: value.code } : {};
    return { name: value.name, ...code, message: value.message, stack: value.stack?.split('\n').slice(0, 4).join(' | ') };
  }
  return value;
}
