// A deterministic set of phone inputs for benchmarks: Google's example numbers for every region and for
// several line types, with their last digits varied, written in the ways people write them, plus junk.
import lib from 'google-libphonenumber';

const util = lib.PhoneNumberUtil.getInstance();
const PNF = lib.PhoneNumberFormat;
const TYPES = [lib.PhoneNumberType.MOBILE, lib.PhoneNumberType.FIXED_LINE, lib.PhoneNumberType.TOLL_FREE];

export interface PhoneInput {
  input: string;
  country: string | undefined;
}

/** xorshift32: a small seeded generator, so every run sees the same inputs. */
function generator(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T };
}

export function phoneDataset(size = 10_000, seed = 20261123): PhoneInput[] {
  const rnd = generator(seed);
  const examples: { region: string; number: lib.PhoneNumber }[] = [];
  for (const region of util.getSupportedRegions()) {
    for (const type of TYPES) {
      const number = util.getExampleNumberForType(region, type);
      if (number) examples.push({ region, number });
    }
  }
  const regions = [...new Set(examples.map((e) => e.region))];
  const out: PhoneInput[] = [];
  while (out.length < size) {
    const { region, number } = rnd.pick(examples);
    const nsn = util.getNationalSignificantNumber(number);
    const keep = Math.max(2, nsn.length - 1 - rnd.int(3));
    let varied = nsn.slice(0, keep);
    while (varied.length < nsn.length) varied += String(rnd.int(10));
    const code = number.getCountryCode();
    let parsed: lib.PhoneNumber;
    try {
      parsed = util.parse(`+${code}${varied}`, 'ZZ');
    } catch {
      continue;
    }
    const roll = rnd.next();
    if (roll < 0.3) out.push({ input: `+${code}${varied}`, country: undefined });
    else if (roll < 0.5)
      out.push({ input: util.format(parsed, PNF.INTERNATIONAL), country: rnd.next() < 0.5 ? undefined : rnd.pick(regions) });
    else if (roll < 0.75) out.push({ input: util.format(parsed, PNF.NATIONAL), country: region });
    else if (roll < 0.85) out.push({ input: `00 ${code} ${varied.replace(/(\d{3})(?=\d)/g, '$1-')}`, country: undefined });
    else {
      const junk = [
        `${varied.slice(0, 3)}`,
        `+${code}${varied}${rnd.int(1000)}`,
        `+${990 + rnd.int(9)}${varied}`,
        `call me ${varied}`,
        `${varied.split('').reverse().join('')}`,
        `tel:+${code}-${varied};ext=${rnd.int(100)}`,
        '1-800-FLOWERS',
        'n/a',
      ];
      out.push({ input: rnd.pick(junk), country: rnd.next() < 0.5 ? region : undefined });
    }
  }
  return out;
}
