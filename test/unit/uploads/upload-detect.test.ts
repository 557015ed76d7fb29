// Reading a list's layout from its first rows (src/uploads/upload-detect.ts) and its encoding from its first
// bytes (src/uploads/upload-decode.ts): worked examples, and a property over generated tables.
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { checkText, decodeText, sniffEncoding } from '../../../src/uploads/upload-decode.js';
import { DELIMITERS, detectDelimiter, detectLayout, sampleRecords } from '../../../src/uploads/upload-detect.js';

const layoutOf = (text: string, given = {}) => {
  const delimiter = detectDelimiter(text, true);
  return detectLayout(sampleRecords(text, true, delimiter), delimiter, given);
};

describe('delimiter', () => {
  it.each([
    ['a,b\n1,2\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\n1\t2\n', '\t'],
    ['a|b\n1|2\n', '|'],
    // Commas inside quoted fields do not make commas the delimiter.
    ['name;phone\n"Doe, John";+33612345678\n"Roe, Ann";+33612345679\n', ';'],
    // A list of one value a line (a comma in one of them does not make a table).
    ['ann@x.test\nbob@x.test\n"Doe, J" <j@x.test>\n', null],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text, true)).toBe(expected);
  });

  it('finds the delimiter of any generated table of two or more columns', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(DELIMITERS)),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.string({ maxLength: 12 }), { minLength: 12, maxLength: 60 }),
        (delimiter, width, cells) => {
          const rows = [];
          for (let i = 0; i + width <= cells.length; i += width) rows.push(cells.slice(i, i + width).map((c) => `v${c}`));
          const text = stringify(rows, { delimiter, quoted_match: /[\r\n]/ });
          expect(detectDelimiter(text, true)).toBe(delimiter);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('header and column', () => {
  it('a header is a first row of names above rows of data', () => {
    expect(layoutOf('Name,Phone\nAnn,+33612345678\nBob,+33612345679\n')).toMatchObject({
      header: true,
      column: 1,
      kind: 'phone',
      headerFields: ['Name', 'Phone'],
    });
    expect(layoutOf('+33612345678,Ann\n+33612345679,Bob\n')).toMatchObject({ header: false, column: 0, kind: 'phone' });
  });

  it('emails win over phones; phones over ids and dates', () => {
    const text =
      'id,created,phone,email\n1001,2024-03-12,+1 415 555 2671,ann@x.test\n1002,2024-03-13,+1 212 555 0143,bob@x.test\n';
    expect(layoutOf(text)).toMatchObject({ column: 3, kind: 'email' });
    expect(layoutOf(text, { kind: 'phone' })).toMatchObject({ column: 2, kind: 'phone' });
    expect(layoutOf('id,when,tel\n12345678,12/03/2024,06 12 34 56 78\n12345679,13/03/2024,06 12 34 56 79\n')).toMatchObject({
      column: 2,
      kind: 'phone',
    });
  });

  it('a column given by name (any case) or index; its kind from its values', () => {
    const text = 'a,b,Mobile\nx,y,+33612345678\n';
    expect(layoutOf(text, { column: 'mobile' })).toMatchObject({ column: 2, kind: 'phone', header: true });
    expect(layoutOf('ann@x.test,+33612345678\n', { column: '1' })).toMatchObject({ column: 1, kind: 'phone', header: false });
    expect(() => layoutOf(text, { column: 'fax' })).toThrow(/names no column of the file; the columns are "a", "b", "Mobile"/);
  });

  it('no column of phones or emails: upload_no_column', () => {
    expect(() => layoutOf('a,b\nfoo,bar\nbaz,qux\n')).toThrow(expect.objectContaining({ code: 'upload_no_column' }));
    expect(() => layoutOf('email\nann@x.test\n', { kind: 'phone' })).toThrow(
      expect.objectContaining({ code: 'upload_no_column' }),
    );
  });
});

describe('encoding', () => {
  it('from the byte order mark, else UTF-8 when it reads as UTF-8, else Windows-1252', () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: 'utf-16be', bom: true });
    expect(sniffEncoding(Buffer.from('Zoé'))).toEqual({ encoding: 'utf-8', bom: false });
    // A character cut at the end of the head is not a fault.
    expect(sniffEncoding(Buffer.from('Zoé').subarray(0, 3))).toEqual({ encoding: 'utf-8', bom: false });
    expect(sniffEncoding(Buffer.from('Zoé,René\n', 'latin1'))).toEqual({ encoding: 'windows-1252', bom: false });
  });

  it('refuses what is not text', () => {
    expect(() => sniffEncoding(Buffer.alloc(0))).toThrow(expect.objectContaining({ code: 'upload_empty' }));
    expect(() => sniffEncoding(Buffer.from('a\u0000b'))).toThrow(expect.objectContaining({ code: 'upload_not_text' }));
    expect(() => sniffEncoding(Buffer.from('%PDF-1.7'))).toThrow(/PDF/);
    expect(() => checkText('\u0001\u0002\u0003\u0004')).toThrow(expect.objectContaining({ code: 'upload_not_text' }));
    expect(() => checkText('tabs\tand\r\nbreaks\f')).not.toThrow();
  });

  it('decodes a stream cut anywhere, even inside a character, the byte order mark left out', async () => {
    const text = 'Nom;Téléphone\r\n李;+86 138 0013 8000\r\n';
    for (const [encoding, bytes] of [
      ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ] as const) {
      for (let cut = 1; cut < bytes.length; cut += 3) {
        const pieces = [bytes.subarray(0, cut), bytes.subarray(cut)];
        let out = '';
        for await (const piece of decodeText(
          (async function* () {
            yield* pieces;
          })(),
          encoding,
        ))
          out += piece;
        expect(out).toBe(text);
      }
    }
  });
});
