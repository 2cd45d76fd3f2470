import { Readable } from 'node:stream';

/** Answers larger than this are streamed; smaller ones go out in one write (issue 13). */
export const STREAM_ABOVE_BYTES = 256 * 1024;

/**
 * A streamed answer as one string when it turns out small, which is almost always: a describe of
 * a few items is a head, an item chunk and a tail, and written as a stream each piece was its own
 * chunked-encoding write (`writev` was a fifth of a describe's CPU). Past the limit, what was read
 * so far and the rest continue as a stream, so a describe of 100k items still never sits in
 * memory whole.
 */
export async function bufferSmall(body: AsyncIterable<string>, limit = STREAM_ABOVE_BYTES): Promise<string | Readable> {
  const it = body[Symbol.asyncIterator]();
  let text = '';
  for (;;) {
    const next = await it.next();
    if (next.done) return text;
    text += next.value;
    // Characters, not bytes: close enough for a threshold (XML here is mostly ASCII).
    if (text.length > limit) break;
  }
  const head = text;
  async function* rest(): AsyncGenerator<string> {
    yield head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return Readable.from(rest());
}
