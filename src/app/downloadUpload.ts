// Fetching an uploaded file (a Discord attachment) with bounds: at most `maxBytes` read, however
// large the file turns out to be (the size Discord describes is checked before, but only the
// bytes count), and at most `timeoutMs` for the whole download, body included. A slow or endless
// answer ends in a sentence, not a hung upload.

export type Downloaded = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_big' | 'failed'; message: string };

export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
}

export const DOWNLOAD_TIMEOUT_MS = 30_000;

export async function downloadUpload(url: string, name: string, limits: DownloadLimits): Promise<Downloaded> {
  const tooBig = (): Downloaded => ({ ok: false, reason: 'too_big', message: `${name} is larger than the ${(limits.maxBytes / 1048576).toFixed(0)} MB an upload may be; nothing was added.` });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const res = await fetch(url, { signal });
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'failed', message: `Soundbite could not download ${name} from Discord (HTTP ${res.status}); please try again.` };
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await res.body.cancel().catch(() => undefined);
      return tooBig();
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooBig();
      }
      parts.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return { ok: true, bytes };
  } catch (err) {
    const late = signal.aborted;
    return {
      ok: false,
      reason: 'failed',
      message: late
        ? `Downloading ${name} from Discord took longer than ${Math.round(limits.timeoutMs / 1000)} s; nothing was added. Please try again.`
        : `Soundbite could not download ${name} from Discord (${err instanceof Error ? err.message : String(err)}); please try again.`,
    };
  }
}
