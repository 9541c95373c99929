// Where the terminal adapter writes: injected so tests can capture it.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where the REPL's prompt goes; answers go through `out`. */
  stdout: NodeJS.WritableStream;
  stdoutIsTTY: boolean;
  now(): Date;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    now: () => new Date(),
  };
}

/** Exit codes: 0 answered, 1 a problem in the corpus or a failure, 2 bad input from the person. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
