// An upload's download is bounded in bytes and in time, whatever the server says or does: a
// loopback server that sends too much, lies about the length, or never finishes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadUpload } from '../../src/app/downloadUpload.ts';

let server: Server;
let base: string;
const MAX = 64 * 1024;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/small') return void res.end('MS. ROE:  Hello.\n');
    if (req.url === '/declared-big') {
      res.writeHead(200, { 'content-length': String(MAX * 4) });
      return void res.end(Buffer.alloc(MAX * 4, 97));
    }
    if (req.url === '/endless') {
      // Chunked, no length: keeps sending until the reader stops.
      res.writeHead(200);
      const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024, 97)), 1);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/stalls') {
      res.writeHead(200);
      res.write('MS. ROE:  The first words, and then nothing more');
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const get = (route: string, timeoutMs = 5000) => downloadUpload(`${base}${route}`, 'upload.md', { maxBytes: MAX, timeoutMs });

describe('downloadUpload', () => {
  it('gives the bytes of a file within the limits', async () => {
    const r = await get('/small');
    expect(r.ok && Buffer.from(r.bytes).toString()).toBe('MS. ROE:  Hello.\n');
  });

  it('refuses a file whose declared length is over the limit without reading it', async () => {
    expect(await get('/declared-big')).toMatchObject({ ok: false, reason: 'too_big', message: expect.stringContaining('larger than') });
  });

  it('stops reading a file that runs past the limit with no length given', async () => {
    expect(await get('/endless')).toMatchObject({ ok: false, reason: 'too_big' });
  });

  it('gives up on a download that stalls, saying it took too long', async () => {
    expect(await get('/stalls', 300)).toMatchObject({ ok: false, reason: 'failed', message: expect.stringMatching(/took longer than/) });
  });

  it('says which HTTP status a failed download had', async () => {
    expect(await get('/missing')).toMatchObject({ ok: false, reason: 'failed', message: expect.stringContaining('HTTP 404') });
  });
});
