// Terminal colour, off when NO_COLOR is set or the output is not a terminal.

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  mark(s: string): string;
  good(s: string): string;
  warn(s: string): string;
  bad(s: string): string;
  accent(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const colour: Paint = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  mark: (s) => `\u001b[1;4m${s}\u001b[22;24m`,
  good: wrap(32, 39),
  warn: wrap(33, 39),
  bad: wrap(31, 39),
  accent: wrap(36, 39),
};

export const plain: Paint = {
  bold: (s) => s,
  dim: (s) => s,
  // Without colour, matched words are marked the way a journalist would in an email.
  mark: (s) => `[${s}]`,
  good: (s) => s,
  warn: (s) => s,
  bad: (s) => s,
  accent: (s) => s,
};

export function paintFor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): Paint {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plain;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return colour;
  return stream.isTTY ? colour : plain;
}
