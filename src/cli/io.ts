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
  endQuietlyWhenReaderLeaves(process.stdout);
  endQuietlyWhenReaderLeaves(process.stderr);
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

/** `soundbite … | head`: once the reader has what it wanted and closes the pipe, writing fails
 * with EPIPE. That is the end of the run, not an error: stop quietly, as other tools do. Any
 * other write error is said in one line. */
function endQuietlyWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    if (stream !== process.stderr) process.stderr.write(`soundbite: writing the output failed (${err.message}).\n`);
    process.exit(EXIT.failed);
  });
}
