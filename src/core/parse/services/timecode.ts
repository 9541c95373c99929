// Timecodes as the exports write them (`0:08`, `03:04`, `1:02:13`, `00:01:14,815`) and as a
// passage's source shows them: `03:04` under an hour, `1:02:13` from the first hour on.

/** `m:ss`, `mm:ss`, `h:mm:ss`, with an optional fraction after `.` or `,`. */
const CLOCK = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** Seconds from the start of the recording, or null when the text is no clock time. */
export function secondsFromClock(text: string): number | null {
  const m = CLOCK.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1] ?? 0);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return null;
  const fraction = m[4] === undefined ? 0 : Number(`0.${m[4]}`);
  return hours * 3600 + minutes * 60 + seconds + fraction;
}

/** `184` → `03:04`, `3733` → `1:02:13`: whole seconds, as a reader quotes them. */
export function formatTimecode(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
