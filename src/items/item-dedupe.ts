// Which submitted items are the same item, and which are no item at all. The same rule everywhere (a single
// call, a bulk call, a batch, an upload):
// - two phones are the same number when they have the same E.164 form once parsed with the request's country
//   (`+33612345678`, `+33 6 12 34 56 78` and `06 12 34 56 78` with FR are one); an input the library parses
//   but refuses (no country code, too short) is compared by its spelling, trimmed;
// - two emails are the same address when their normalised forms are equal ignoring case;
// - an input that cannot be a phone number at all (no digits, or not read as one: `not_a_number`) or an email
//   address at all (no @, or failing the syntax check: `invalid_syntax`) is garbage: answered, never charged.
// Each distinct item is checked and charged once; the first spelling seen is the one kept.
import { parseAddress } from '../email/email-syntax.js';
import { phoneIdentity } from '../phone/phone-engine.js';

export type ItemKind = 'phone' | 'email';

/** Why an input is no item at all: the reason its result gives. */
export type GarbageReason = 'not_a_number' | 'invalid_syntax';

export type Identity = { key: string; garbage?: undefined } | { key?: undefined; garbage: GarbageReason; detail: string };

/** The key two inputs share when they are the same item, or why the input is no item at all. */
export function identify(kind: ItemKind, input: string, country?: string): Identity {
  if (kind === 'phone') {
    const id = phoneIdentity(input, country);
    if (id === null) return { garbage: 'not_a_number', detail: 'not a phone number (no digits, or not read as one)' };
    return { key: id ?? `~${input.trim()}` };
  }
  const parsed = parseAddress(input);
  if (!parsed.ok) return { garbage: 'invalid_syntax', detail: parsed.problem };
  return { key: parsed.normalized.toLowerCase() };
}

export interface DistinctItem {
  /** The first spelling seen. */
  input: string;
  /** No item at all: answered with its reason, costs nothing. */
  garbage: boolean;
}

/** The distinct items of a list, in order of first appearance (garbage is told apart by its exact spelling). */
export function distinctItems(kind: ItemKind, inputs: readonly string[], country?: string): DistinctItem[] {
  const seen = new Set<string>();
  const out: DistinctItem[] = [];
  for (const input of inputs) {
    const id = identify(kind, input, country);
    const key = id.garbage ? `!${input}` : id.key;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ input, garbage: id.garbage !== undefined });
  }
  return out;
}

/** Credits a list of distinct items costs: one per item that is not garbage. */
export const creditsFor = (items: readonly DistinctItem[]) => items.reduce((n, item) => n + (item.garbage ? 0 : 1), 0);

const E164 = /^\+\d{1,15}$/;

/**
 * The keys seen so far in a long list (an upload of up to a million rows), each with the position of its
 * first item. An E.164 key is held as a number, which takes about half the memory of its text.
 */
export class ItemKeys {
  private readonly seen = new Map<number | string, number>();

  get size(): number {
    return this.seen.size;
  }

  /** The position given to `key` when first seen; else records `next` as its position and returns -1. */
  firstOrAdd(key: string, next: number): number {
    const compact = E164.test(key) ? Number(key.slice(1)) : key;
    const first = this.seen.get(compact);
    if (first !== undefined) return first;
    this.seen.set(compact, next);
    return -1;
  }
}
