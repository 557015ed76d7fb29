// How a batch is cut into jobs (src/batches/batch-plan.ts): worked examples, then properties checked with
// fast-check over generated lists. The email generator builds each address from a known domain spelt in
// a random case, so the tests know which addresses belong together without re-deriving it from the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEmails, planPhones, type PlannedItem } from '../../../src/batches/batch-plan.js';

const DOMAINS = ['a.test', 'bb.test', 'mail.c.test', 'd.test', 'e.test', 'f.test'];
const LOCALS = ['x', 'y', 'Zed', 'first.last', 'o+tag'];

interface GenEmail {
  text: string;
  /** Index into DOMAINS: the domain whatever its case; -1 for an input without `@`. */
  domain: number;
}

function spell(domain: string, upper: boolean[]): string {
  return [...domain].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch)).join('');
}

const genEmail: fc.Arbitrary<GenEmail> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({
        local: fc.constantFrom(...LOCALS),
        domain: fc.nat({ max: DOMAINS.length - 1 }),
        upper: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
      })
      .map(({ local, domain, upper }) => ({ text: `${local}@${spell(DOMAINS[domain] as string, upper)}`, domain })),
  },
  { weight: 1, arbitrary: fc.constantFrom('not-an-address', 'x.test').map((text) => ({ text, domain: -1 })) },
);
// Six domains over up to 80 addresses, sizes up to 12: most runs have both big domains (a chunk's worth or more)
// and small ones.
const genEmails = fc.array(genEmail, { maxLength: 80 });
const genSize = fc.integer({ min: 1, max: 12 });

function chunkSizes(items: PlannedItem[], chunks: number): number[] {
  const sizes = new Array<number>(chunks).fill(0);
  for (const item of items) sizes[item.chunk] = (sizes[item.chunk] ?? 0) + 1;
  return sizes;
}

/** Each input planned once, in input order, seq = position, chunk numbers dense from 0 and none over the size. */
function expectWellFormed(inputs: string[], plan: { items: PlannedItem[]; chunks: number }, size: number) {
  expect(plan.items.map((i) => i.seq)).toEqual(inputs.map((_, seq) => seq));
  expect(plan.items.map((i) => i.input)).toEqual(inputs);
  const sizes = chunkSizes(plan.items, plan.chunks);
  expect(sizes).toHaveLength(plan.chunks);
  for (const n of sizes) {
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(size);
  }
  for (const item of plan.items) {
    expect(Number.isInteger(item.chunk)).toBe(true);
    expect(item.chunk).toBeGreaterThanOrEqual(0);
    expect(item.chunk).toBeLessThan(plan.chunks);
  }
}

describe('planPhones', () => {
  it('cuts the list into fixed slices in input order', () => {
    const plan = planPhones(['+1', '+2', '+3', '+4', '+5'], 2);
    expect(plan).toEqual({
      chunks: 3,
      items: [
        { seq: 0, chunk: 0, input: '+1' },
        { seq: 1, chunk: 0, input: '+2' },
        { seq: 2, chunk: 1, input: '+3' },
        { seq: 3, chunk: 1, input: '+4' },
        { seq: 4, chunk: 2, input: '+5' },
      ],
    });
    expect(planPhones([], 3)).toEqual({ items: [], chunks: 0 });
    expect(planPhones(['+1', '+2', '+3'], 3).chunks).toBe(1);
  });

  it('plans every input once, slice k holding positions k*size .. k*size+size-1', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 }), genSize, (inputs, size) => {
        const plan = planPhones(inputs, size);
        expectWellFormed(inputs, plan, size);
        expect(plan.chunks).toBe(Math.ceil(inputs.length / size));
        for (const item of plan.items) expect(item.chunk).toBe(Math.floor(item.seq / size));
      }),
    );
  });
});

describe('planEmails', () => {
  it('keeps a domain together wherever its addresses sit, whatever their case', () => {
    const plan = planEmails(['a@x.test', 'b@y.test', 'c@X.TEST', 'd@z.test'], 2);
    // x.test has two addresses (a chunk's worth): a chunk of its own; y.test and z.test share the next one.
    expect(plan).toEqual({
      chunks: 2,
      items: [
        { seq: 0, chunk: 0, input: 'a@x.test' },
        { seq: 1, chunk: 1, input: 'b@y.test' },
        { seq: 2, chunk: 0, input: 'c@X.TEST' },
        { seq: 3, chunk: 1, input: 'd@z.test' },
      ],
    });
  });

  it('splits a big domain into chunks of its own and packs the small ones, biggest first', () => {
    const inputs = [
      'a@big.test', // 0
      'p@s.test', // 1
      'b@big.test', // 2
      'q@S.test', // 3
      'c@BIG.test', // 4
      't@t.test', // 5
      'd@big.test', // 6
      'u@u.test', // 7
    ];
    const plan = planEmails(inputs, 3);
    // big.test (4): chunk 0 = its first three, chunk 1 = its fourth alone; then s.test (2) + t.test (1) fill
    // chunk 2; u.test does not fit there and opens chunk 3.
    expect(plan.items.map((i) => i.chunk)).toEqual([0, 2, 0, 2, 0, 2, 1, 3]);
    expect(plan.chunks).toBe(4);
  });

  it('groups inputs without an @ together (as one domain, the empty one)', () => {
    const plan = planEmails(['nope', 'a@x.test', 'still-nope', 'b@y.test'], 2);
    expect(plan.items.map((i) => i.chunk)).toEqual([0, 1, 0, 1]);
    expect(plan.chunks).toBe(2);
  });

  it('handles an empty list and a size of one', () => {
    expect(planEmails([], 5)).toEqual({ items: [], chunks: 0 });
    const plan = planEmails(['a@x.test', 'b@y.test', 'c@x.test'], 1);
    expect(plan.chunks).toBe(3);
    expect(new Set(plan.items.map((i) => i.chunk)).size).toBe(3);
  });

  it('plans every input once, seq = position, dense chunks, none over the size', () => {
    fc.assert(
      fc.property(genEmails, genSize, (gen, size) => {
        const inputs = gen.map((g) => g.text);
        expectWellFormed(inputs, planEmails(inputs, size), size);
      }),
    );
  });

  it('never splits a domain smaller than the chunk size; gives a big one ceil(n/size) chunks of its own', () => {
    fc.assert(
      fc.property(genEmails, genSize, (gen, size) => {
        const plan = planEmails(
          gen.map((g) => g.text),
          size,
        );
        const chunksOf = new Map<number, Set<number>>(); // domain -> its chunks
        const domainsIn = new Map<number, Set<number>>(); // chunk -> its domains
        const count = new Map<number, number>();
        gen.forEach((g, seq) => {
          const chunk = (plan.items[seq] as PlannedItem).chunk;
          chunksOf.set(g.domain, (chunksOf.get(g.domain) ?? new Set()).add(chunk));
          domainsIn.set(chunk, (domainsIn.get(chunk) ?? new Set()).add(g.domain));
          count.set(g.domain, (count.get(g.domain) ?? 0) + 1);
        });
        for (const [domain, n] of count) {
          const chunks = chunksOf.get(domain) as Set<number>;
          if (n < size) {
            expect(chunks.size).toBe(1);
          } else {
            expect(chunks.size).toBe(Math.ceil(n / size));
            for (const chunk of chunks) expect([...(domainsIn.get(chunk) as Set<number>)]).toEqual([domain]);
          }
        }
      }),
    );
  });

  it('gives the same plan for equal inputs', () => {
    fc.assert(
      fc.property(genEmails, genSize, (gen, size) => {
        const inputs = gen.map((g) => g.text);
        expect(planEmails([...inputs], size)).toEqual(planEmails(inputs, size));
        expect(planPhones([...inputs], size)).toEqual(planPhones(inputs, size));
      }),
    );
  });
});
