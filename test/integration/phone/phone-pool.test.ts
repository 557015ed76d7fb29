// Phone checks on worker threads answer exactly what the engine answers on the calling thread, in order, with the
// garbage flag right; sync calls made together travel as one task; a submission's dedupe keys are shared between
// the threads; an aborted chunk is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { distinctItems } from '../../../src/items/item-dedupe.js';
import { phoneKey, validatePhone } from '../../../src/phone/phone-engine.js';
import { createPhoneChecks } from '../../../src/phone/phone-pool.js';
import { phoneDataset } from '../../../bench/phone-dataset.js';

const items = phoneDataset(2000, 7).map((p) => ({ input: p.input, country: p.country ?? null }));
const threaded = createPhoneChecks(2);
const inline = createPhoneChecks(0);
const sharing = createPhoneChecks(1, { shareLongLists: true });
afterAll(async () => {
  await threaded.close();
  await inline.close();
  await sharing.close();
});

describe('phone checks on threads', () => {
  it('a chunk split between two threads: the same results, in order, garbage flagged', async () => {
    const answer = await threaded.many(items);
    const expected = items.map((i) => validatePhone(i.input, i.country ?? undefined));
    expect(answer.json).toEqual(expected.map((r) => JSON.stringify(r)));
    expect([...answer.garbage]).toEqual(expected.map((r) => (r.reason === 'not_a_number' ? 1 : 0)));
    expect(answer.garbage.some((g) => g === 1)).toBe(true); // the dataset has junk
    expect((await inline.many(items)).json).toEqual(answer.json);
    // Shared with this thread too (a server store's process): the same answer.
    const shared = await sharing.many(items);
    expect(shared.json).toEqual(answer.json);
    expect([...shared.garbage]).toEqual([...answer.garbage]);
  });

  it('sync calls of one turn answer each its own number', async () => {
    const some = items.slice(0, 300);
    const answers = await Promise.all(some.map((i) => threaded.one(i.input, i.country ?? undefined)));
    some.forEach((item, k) => {
      const expected = validatePhone(item.input, item.country ?? undefined);
      expect(answers[k]?.json).toBe(JSON.stringify(expected));
      expect(answers[k]?.garbage).toBe(expected.reason === 'not_a_number');
    });
    expect(await inline.one('no digits here')).toEqual({ json: JSON.stringify(validatePhone('no digits here')), garbage: true });
  });

  it("a submission's dedupe keys, shared between the threads and this one, are the keys computed here, in order", async () => {
    // Spellings of one number with and without the country, and junk: the keys are what dedupes them.
    const inputs = [...items.map((i) => i.input), '06 12 34 56 78', '+33 6 12 34 56 78', 'no digits', '12'];
    for (const country of [undefined, 'FR']) {
      const keys = await threaded.keys(inputs, country);
      expect(keys).toEqual(inputs.map((input) => phoneKey(input, country)));
      expect(keys).toContain(null);
      expect(distinctItems('phone', inputs, country, keys)).toEqual(distinctItems('phone', inputs, country));
      expect(await inline.keys(inputs, country)).toEqual(keys);
    }
    expect((await threaded.keys(['06 12 34 56 78', '+33612345678'], 'FR'))[0]).toBe('+33612345678');
  });

  it('an aborted chunk is refused', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(threaded.many(items, controller.signal)).rejects.toThrow();
    await expect(inline.many(items, controller.signal)).rejects.toThrow(/aborted/);
  });
});
