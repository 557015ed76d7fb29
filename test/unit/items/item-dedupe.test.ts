// What makes two submitted items the same, and what is no item at all (src/items/item-dedupe.ts): worked
// examples, then properties over generated spellings of the same numbers and addresses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditsFor, distinctItems, identify, ItemKeys } from '../../../src/items/item-dedupe.js';
import { garbageResult } from '../../../src/items/item-garbage.js';
import { validatePhone } from '../../../src/phone/phone-engine.js';

describe('phones: the same number once parsed with the country', () => {
  it('three spellings of one French mobile are one item, with FR', () => {
    const keys = ['+33612345678', '+33 6 12 34 56 78', '0612345678', '06.12.34.56.78', '0033 6 12 34 56 78'].map(
      (p) => identify('phone', p, 'FR').key,
    );
    expect(new Set(keys)).toEqual(new Set(['+33612345678']));
  });

  it('without a country a national spelling is another item (compared by its spelling)', () => {
    expect(identify('phone', '0612345678').key).toBe('~0612345678');
    expect(identify('phone', ' 0612345678 ').key).toBe('~0612345678');
    expect(identify('phone', '+33 6 12 34 56 78').key).toBe('+33612345678');
  });

  it('an extension makes another number', () => {
    expect(identify('phone', '+1 415 555 2671 ext. 12').key).toBe('+14155552671;ext=12');
    expect(identify('phone', '+1 415 555 2671').key).toBe('+14155552671');
  });

  it('no digits, or not read as a number: garbage, with the reason validatePhone gives', () => {
    for (const input of ['hello', '', '   ', 'N/A', '-', 'x1']) {
      expect(identify('phone', input, 'FR').garbage).toBe('not_a_number');
      expect(validatePhone(input, 'FR').reason).toBe('not_a_number');
    }
    // Well-formed but not valid numbers are items (and cost a credit).
    for (const input of ['+33 1', '+999 123456', '+1 415 555 267']) expect(identify('phone', input).garbage).toBeUndefined();
  });

  it('garbage is exactly what validatePhone answers not_a_number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(undefined, 'FR', 'US'), (input, country) => {
        const garbage = identify('phone', input, country).garbage !== undefined;
        expect(garbage).toBe(validatePhone(input, country).reason === 'not_a_number');
      }),
    );
  });

  it('every valid number has its E.164 form as key, whatever separators it is written with', () => {
    const separators = fc.constantFrom(' ', '.', '-', '');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), separators, (n, sep) => {
        const digits = String(n).padStart(8, '0');
        const national = `06${sep}${digits.slice(0, 2)}${sep}${digits.slice(2, 4)}${sep}${digits.slice(4, 6)}${sep}${digits.slice(6)}`;
        const e164 = validatePhone(national, 'FR').format?.e164;
        expect(identify('phone', national, 'FR').key).toBe(e164);
        expect(identify('phone', `+33${national.slice(1)}`).key).toBe(e164);
      }),
    );
  });
});

describe('emails: the same address ignoring case', () => {
  it('case and needless quotes do not make another address', () => {
    const keys = ['Ann@Example.test', 'ann@EXAMPLE.test', ' ann@example.test ', '"ann"@example.test'].map(
      (e) => identify('email', e).key,
    );
    expect(new Set(keys)).toEqual(new Set(['ann@example.test']));
    expect(identify('email', 'bob@example.test').key).toBe('bob@example.test');
  });

  it('no @, or failing the syntax check: garbage, with the problem', () => {
    expect(identify('email', 'hello')).toEqual({ garbage: 'invalid_syntax', detail: 'no @' });
    expect(identify('email', 'a@b').garbage).toBe('invalid_syntax');
    expect(identify('email', 'a..b@x.test').garbage).toBe('invalid_syntax');
    expect((garbageResult('email', 'hello', {}) as { reason: string; status: string }).reason).toBe('invalid_syntax');
  });
});

describe('distinctItems', () => {
  it('keeps the first spelling of each item in order; garbage by its exact spelling; credits for the rest', () => {
    const items = distinctItems('phone', ['+33 6 12 34 56 78', 'hello', '0612345678', 'hello', 'Hello', '+14155552671'], 'FR');
    expect(items).toEqual([
      { input: '+33 6 12 34 56 78', garbage: false },
      { input: 'hello', garbage: true },
      { input: 'Hello', garbage: true },
      { input: '+14155552671', garbage: false },
    ]);
    expect(creditsFor(items)).toBe(2);
    expect(distinctItems('email', ['A@x.test', 'a@X.TEST', 'b@x.test', 'nope']).map((i) => i.input)).toEqual([
      'A@x.test',
      'b@x.test',
      'nope',
    ]);
  });

  it('is idempotent and order-preserving over generated lists', () => {
    const spelling = fc.constantFrom(
      '+33612345678',
      '+33 6 12 34 56 78',
      '0612345678',
      '+14155552671',
      '(415) 555-2671',
      'x',
      '',
    );
    fc.assert(
      fc.property(fc.array(spelling, { maxLength: 40 }), (inputs) => {
        const once = distinctItems('phone', inputs, 'US').map((i) => i.input);
        expect(distinctItems('phone', once, 'US').map((i) => i.input)).toEqual(once);
        // Every first appearance is kept, in order.
        expect(once).toEqual(inputs.filter((x) => once.includes(x)).filter((x, i, a) => a.indexOf(x) === i));
      }),
    );
  });
});

describe('ItemKeys', () => {
  it('gives the first position of a key seen before, -1 for a new one, numbers and text alike', () => {
    const keys = new ItemKeys();
    expect(keys.firstOrAdd('+33612345678', 0)).toBe(-1);
    expect(keys.firstOrAdd('~0612345678', 1)).toBe(-1);
    expect(keys.firstOrAdd('+33612345678', 2)).toBe(0);
    expect(keys.firstOrAdd('~0612345678', 3)).toBe(1);
    expect(keys.firstOrAdd('+33612345678;ext=1', 4)).toBe(-1);
    expect(keys.size).toBe(3);
  });
});

describe('ItemKeys over many numbers', () => {
  it('agrees with a Set on generated E.164 keys (growing the table on the way)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 999_999_999_999_999 }), { maxLength: 3000 }), (numbers) => {
        const keys = new ItemKeys();
        const seen = new Map<number, number>();
        numbers.forEach((n, i) => {
          const first = keys.firstOrAdd(`+${n}`, i);
          expect(first).toBe(seen.get(n) ?? -1);
          if (!seen.has(n)) seen.set(n, i);
        });
        expect(keys.size).toBe(seen.size);
      }),
      { numRuns: 50 },
    );
  });
});
