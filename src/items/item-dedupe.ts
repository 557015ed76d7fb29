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
import { phoneKey } from '../phone/phone-engine.js';

export type ItemKind = 'phone' | 'email';

/** Why an input is no item at all: the reason its result gives. */
export type GarbageReason = 'not_a_number' | 'invalid_syntax';

export type Identity = { key: string; garbage?: undefined } | { key?: undefined; garbage: GarbageReason; detail: string };

const NOT_A_NUMBER: Identity = { garbage: 'not_a_number', detail: 'not a phone number (no digits, or not read as one)' };

/** The key two inputs share when they are the same item, or why the input is no item at all. */
export function identify(kind: ItemKind, input: string, country?: string): Identity {
  if (kind === 'phone') {
    const key = phoneKey(input, country);
    return key === null ? NOT_A_NUMBER : { key };
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

/**
 * The distinct items of a list, in order of first appearance (garbage is told apart by its exact spelling).
 * `phoneKeys`: the phones' keys (phoneKey) when they were computed already, one per input.
 */
export function distinctItems(
  kind: ItemKind,
  inputs: readonly string[],
  country?: string,
  phoneKeys?: readonly (string | null)[],
): DistinctItem[] {
  const seen = new Set<string>();
  const out: DistinctItem[] = [];
  inputs.forEach((input, i) => {
    const known = kind === 'phone' && phoneKeys ? (phoneKeys[i] as string | null) : undefined;
    const id = known === undefined ? identify(kind, input, country) : known === null ? NOT_A_NUMBER : { key: known };
    const key = id.garbage ? `!${input}` : id.key;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ input, garbage: id.garbage !== undefined });
  });
  return out;
}

/** Credits a list of distinct items costs: one per item that is not garbage. */
export const creditsFor = (items: readonly DistinctItem[]) => items.reduce((n, item) => n + (item.garbage ? 0 : 1), 0);

const E164 = /^\+\d{1,15}$/;
const EMPTY = 0; // no E.164 number is 0

/**
 * A hash table of numbers (open addressing, linear probing) with an int32 value each: 12 bytes a slot,
 * about a third of what a Map of numbers takes, for the up to a million keys of one upload.
 */
class NumberTable {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  size = 0;

  private slot(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    // Mix both halves of the number (up to 15 digits, beyond 32 bits).
    let h = Math.imul((key % 4294967296) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    let i = h & mask;
    while (keys[i] !== EMPTY && keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  get(key: number): number | undefined {
    const i = this.slot(this.keys, key);
    return this.keys[i] === EMPTY ? undefined : this.values[i];
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 4 > this.keys.length * 3) this.grow();
    const i = this.slot(this.keys, key);
    if (this.keys[i] === EMPTY) this.size++;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j] as number;
      if (key === EMPTY) continue;
      const i = this.slot(this.keys, key);
      this.keys[i] = key;
      this.values[i] = values[j] as number;
    }
  }
}

/**
 * The keys seen so far in a long list (an upload of up to a million rows), each with the position of its
 * first item. E.164 keys are held as numbers in a compact table, other keys in a Map.
 */
export class ItemKeys {
  private readonly numbers = new NumberTable();
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.numbers.size + this.others.size;
  }

  /** The position given to `key` when first seen; else records `next` as its position and returns -1. */
  firstOrAdd(key: string, next: number): number {
    if (E164.test(key)) {
      const n = Number(key.slice(1));
      const first = this.numbers.get(n);
      if (first !== undefined) return first;
      this.numbers.set(n, next);
      return -1;
    }
    const first = this.others.get(key);
    if (first !== undefined) return first;
    this.others.set(key, next);
    return -1;
  }
}
