// `soundbite ingest FILE [--corpus DIR]`: add one transcript to the corpus, or say why not.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkUpload, ingestBytes, type IngestResult } from '../app/ingest.ts';
import { readAliases } from '../app/readAliases.ts';
import { EXIT, type Io } from './io.ts';
import { issueLine, shownText } from './shownText.ts';

export function renderIngest(r: IngestResult): string {
  if (!r.ok) return [shownText(r.message), ...r.issues.map((i) => `  ${issueLine(i)}`)].join('\n');
  const s = r.summary;
  const who = s.speakers.slice(0, 8).map((p) => `${shownText(p.name)} (${p.passages})`).join(', ') || 'no named speakers';
  const dates = [s.aired ? `aired ${s.aired}` : 'no air date', ...(s.spoken && !(s.spoken.first === s.aired && s.spoken.last === s.aired) ? [`spoken ${s.spoken.first === s.spoken.last ? s.spoken.first : `${s.spoken.first} to ${s.spoken.last}`}`] : [])].join(', ');
  return [
    r.status === 'written' ? `Added ${shownText(r.file)} (${s.format}): ${s.passages} passages, ${dates}.` : `Already in the corpus as ${shownText(r.file)}: nothing written (${s.passages} passages, ${dates}).`,
    `Speakers: ${who}${s.speakers.length > 8 ? `, and ${s.speakers.length - 8} more` : ''}.`,
    ...s.warnings.map((i) => `  ${issueLine(i)}`),
  ].join('\n');
}

export async function runIngest(files: readonly string[], corpusDir: string, io: Io, json: boolean): Promise<number> {
  const [file] = files;
  if (!file || files.length > 1) {
    io.err('soundbite ingest: give one transcript file: soundbite ingest FILE [--corpus DIR].');
    return EXIT.usage;
  }
  const corpusInfo = await stat(corpusDir).catch(() => null);
  if (!corpusInfo?.isDirectory()) {
    io.err(`soundbite ingest: the corpus folder ${corpusDir} does not exist; pass --corpus DIR.`);
    return EXIT.usage;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    io.err(`soundbite ingest: ${file} is not a file.`);
    return EXIT.usage;
  }
  // Size and type first, so a huge file is never read into memory.
  let result: IngestResult;
  try {
    result = checkUpload(path.basename(file), info.size) ??
      await ingestBytes(corpusDir, path.basename(file), await readFile(file), { aliasList: (await readAliases(corpusDir)).list });
  } catch (err) {
    io.err(`soundbite ingest: ${shownText(file)} was not added: ${shownText(err instanceof Error ? err.message : String(err))}.`);
    return EXIT.failed;
  }
  if (json) io.out(JSON.stringify(result));
  else if (result.ok) io.out(renderIngest(result));
  else io.err(`soundbite ingest: ${renderIngest(result)}`);
  return result.ok ? EXIT.ok : EXIT.failed;
}
