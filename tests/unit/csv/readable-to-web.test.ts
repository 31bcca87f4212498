import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { readableToWeb, type StreamOutcome } from '@/lib/csv/readable-to-web';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ chunks: number; text: string }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return { chunks: parts.length, text: Buffer.concat(parts).toString('utf8') };
}

describe('readableToWeb', () => {
  it('passes every byte, batching many small pushes into few chunks, then reports the end', async () => {
    const source = new PassThrough({ highWaterMark: 64 * 1024 });
    const lines = Array.from({ length: 5_000 }, (_, i) => `row ${i}\r\n`);
    const onClose = vi.fn<(outcome: StreamOutcome) => void>();
    const web = readableToWeb(source, { stallTimeoutMs: 5_000, onClose });
    for (const line of lines) source.write(line);
    source.end();
    const { chunks, text } = await readAll(web);
    expect(text).toBe(lines.join(''));
    expect(chunks).toBeLessThan(50);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledWith({ kind: 'ended' });
  });

  it('errors the web stream and reports the failure when the source fails', async () => {
    const source = new Readable({ read() {} });
    const onClose = vi.fn<(outcome: StreamOutcome) => void>();
    const web = readableToWeb(source, { stallTimeoutMs: 5_000, onClose });
    source.push('partial');
    const reading = readAll(web);
    setTimeout(() => source.destroy(new Error('connection lost')), 10);
    await expect(reading).rejects.toThrow('connection lost');
    expect(onClose).toHaveBeenCalledWith({ kind: 'failed', error: new Error('connection lost') });
  });

  it('destroys the source when the consumer cancels', async () => {
    const source = new Readable({ read() {} });
    const onClose = vi.fn<(outcome: StreamOutcome) => void>();
    const web = readableToWeb(source, { stallTimeoutMs: 5_000, onClose });
    source.push('first');
    const reader = web.getReader();
    await reader.read();
    await reader.cancel();
    expect(source.destroyed).toBe(true);
    expect(onClose).toHaveBeenCalledWith({ kind: 'clientGone', reason: 'the client cancelled the download' });
  });

  it('stops when the request signal aborts (client disconnected)', async () => {
    const source = new Readable({ read() {} });
    const controller = new AbortController();
    const onClose = vi.fn<(outcome: StreamOutcome) => void>();
    const web = readableToWeb(source, { signal: controller.signal, stallTimeoutMs: 5_000, onClose });
    const reading = readAll(web);
    controller.abort();
    await expect(reading).rejects.toThrow('the client disconnected');
    expect(source.destroyed).toBe(true);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('gives up on a consumer that stops reading', async () => {
    const source = new Readable({ read() {} });
    source.push('waiting to be read');
    const onClose = vi.fn<(outcome: StreamOutcome) => void>();
    readableToWeb(source, { stallTimeoutMs: 30, onClose });
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onClose.mock.calls[0]?.[0]).toEqual({
      kind: 'clientGone',
      reason: 'the client read nothing for 30 ms',
    });
    expect(source.destroyed).toBe(true);
  });
});
