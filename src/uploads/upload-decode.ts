// The bytes of an uploaded file, as text: counted against the size limit and hashed as they arrive, the
// encoding told by the first bytes (a byte order mark for UTF-8 and UTF-16, else UTF-8 when it reads as
// UTF-8, else Windows-1252, what spreadsheets on Windows write), then decoded as a stream. Binary files are
// refused from their first bytes.
import { createHash, type Hash } from 'node:crypto';
import { DomainError } from '../lib/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How much of the file detection looks at. */
export const HEAD_BYTES = 64 * 1024;

/** The file's bytes, counted and hashed; the first ones can be looked at before the rest is read. */
export class UploadBytes {
  private readonly iterator: AsyncIterator<Buffer | string>;
  private readonly hash: Hash = createHash('sha256');
  private pending: Buffer[] = [];
  bytes = 0;
  /** The whole file has been received. */
  ended = false;

  constructor(
    source: AsyncIterable<Buffer | string>,
    private readonly maxBytes: number,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async next(): Promise<Buffer | undefined> {
    const { value, done } = await this.iterator.next();
    if (done) {
      this.ended = true;
      return undefined;
    }
    const chunk = typeof value === 'string' ? Buffer.from(value) : value;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      throw new DomainError('upload_too_large', `The file is larger than ${this.maxBytes} bytes (UPLOAD_MAX_BYTES)`);
    }
    this.hash.update(chunk);
    return chunk;
  }

  /** At least `size` first bytes (fewer when the file is shorter); they are given again by rest(). */
  async head(size: number): Promise<Buffer> {
    let have = this.pending.reduce((n, b) => n + b.length, 0);
    while (have < size) {
      const chunk = await this.next();
      if (!chunk) break;
      this.pending.push(chunk);
      have += chunk.length;
    }
    return Buffer.concat(this.pending);
  }

  async *rest(): AsyncGenerator<Buffer> {
    const pending = this.pending;
    this.pending = [];
    yield* pending;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) yield chunk;
  }

  /** SHA-256 of every byte read (call once the file is read). */
  digest(): string {
    return this.hash.digest('hex');
  }
}

const notText = (what: string) => new DomainError('upload_not_text', `The file is not a CSV or text list: ${what}`);

/** Control characters that have no place in a text file (tab, line breaks and form feed are fine). */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/g;

/** The encoding of a file from its first bytes, and how many bytes its byte order mark takes. */
export function sniffEncoding(head: Buffer): { encoding: Encoding; bom: boolean } {
  if (head.length === 0) throw new DomainError('upload_empty', 'The file is empty');
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic === 'PK\x03\x04') throw notText('it is a ZIP archive, such as an Excel workbook (.xlsx): save it as CSV first');
  if (magic === '%PDF') throw notText('it is a PDF document');
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw notText('it is an old Office document (.xls): save it as CSV first');
  }
  if (head.includes(0)) throw notText('it holds NUL bytes (a binary file, or UTF-16 without a byte order mark)');
  try {
    // stream: true, so that a character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/** Refuses decoded text with too many control characters to be a list (a binary file read as text). */
export function checkText(sample: string): void {
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(2, sample.length / 1000)) throw notText(`${controls} control characters in its first bytes`);
}

/** Decodes a file's bytes as a stream of text (the byte order mark left out). */
export async function* decodeText(bytes: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of bytes) {
      const text = decoder.decode(chunk, { stream: true });
      offset += chunk.length;
      if (text !== '') yield text;
    }
    const last = decoder.decode();
    if (last !== '') yield last;
  } catch (err) {
    if (err instanceof TypeError) throw notText(`it is not valid ${encoding} (near byte ${offset})`);
    throw err;
  }
}
