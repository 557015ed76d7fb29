// Sieve's phone engine against two npm peers on the phone benchmark's 10,000 inputs (bench/phone-dataset.ts):
//   sieve                    validatePhone(): the full result (validation, formats, carrier, area, zones, country facts)
//   libphonenumber-js/max    parsePhoneNumberFromString + isValid + getType (its "max" metadata, which types numbers)
//   google-libphonenumber    bare parse + isValidNumber + getNumberType (as bench/phone-engine.ts)
// Speed: numbers/s, the median of --passes timed passes after a warm-up, in 3 rounds interleaved over the three;
// the figure is the median of the rounds. Agreement (untimed, one pass): validity on every input; E.164 and
// line type where both call the number valid.
//
// Usage: npx tsx bench/phone-peers.ts [--passes 5]
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import lib from 'google-libphonenumber';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { validatePhone } from '../src/phone/phone-engine.js';
import { bareLibraryLoop, median, timePasses } from './lib.js';
import { phoneDataset } from './phone-dataset.js';

const { values } = parseArgs({ options: { passes: { type: 'string', default: '5' } } });
const PASSES = Number(values.passes);
const inputs = phoneDataset();
const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

const util = lib.PhoneNumberUtil.getInstance();
const PNF = lib.PhoneNumberFormat;
// Google's type numbers by Sieve's names (FIXED_LINE → fixed_line), the names libphonenumber-js uses too.
const GOOGLE_TYPES = new Map<number, string>(Object.entries(lib.PhoneNumberType).map(([k, v]) => [v as number, k.toLowerCase()]));

interface Answer {
  valid: boolean;
  e164: string | null;
  type: string;
  /** Sieve's reason for an invalid number. */
  reason?: string | null;
}

let sink = 0;
const timed: Record<string, () => void> = {
  sieve: () => {
    for (const { input, country } of inputs) if (validatePhone(input, country).valid) sink++;
  },
  'libphonenumber-js/max': () => {
    for (const { input, country } of inputs) {
      const n = parsePhoneNumberFromString(input, country as CountryCode | undefined);
      if (n?.isValid()) sink += n.getType()?.length ?? 0;
      else sink--;
    }
  },
  'google-libphonenumber': () => {
    sink += bareLibraryLoop(inputs);
  },
};

const answers: Record<string, (input: string, country: string | undefined) => Answer> = {
  sieve: (input, country) => {
    const r = validatePhone(input, country);
    return { valid: r.valid, e164: r.format?.e164 ?? null, type: r.line_type, reason: r.reason };
  },
  'libphonenumber-js/max': (input, country) => {
    const n = parsePhoneNumberFromString(input, country as CountryCode | undefined);
    if (!n) return { valid: false, e164: null, type: 'unknown' };
    const valid = n.isValid();
    return { valid, e164: n.number, type: valid ? (n.getType()?.toLowerCase() ?? 'unknown') : 'unknown' };
  },
  'google-libphonenumber': (input, country) => {
    try {
      const n = util.parse(input, country ?? 'ZZ');
      const valid = util.isValidNumber(n);
      return {
        valid,
        e164: util.format(n, PNF.E164),
        type: valid ? (GOOGLE_TYPES.get(util.getNumberType(n)) ?? 'unknown') : 'unknown',
      };
    } catch {
      return { valid: false, e164: null, type: 'unknown' };
    }
  },
};

const measure = (fn: () => void) => timePasses(fn, PASSES);

// Interleave to spread machine noise over the three.
const times: Record<string, number[]> = Object.fromEntries(Object.keys(timed).map((name) => [name, []]));
for (let round = 0; round < 3; round++) {
  for (const [name, fn] of Object.entries(timed)) (times[name] as number[]).push(measure(fn));
}
const rate = (name: string) => inputs.length / (median(times[name] as number[]) / 1000);

const results: Record<string, Answer[]> = Object.fromEntries(
  Object.entries(answers).map(([name, answer]) => [name, inputs.map(({ input, country }) => answer(input, country))]),
);
const sieve = results.sieve as Answer[];

console.log(
  `\n${inputs.length} inputs; ${PASSES} timed passes after a warm-up, 3 rounds interleaved; google-libphonenumber ` +
    `${versionOf('google-libphonenumber')}, libphonenumber-js ${versionOf('libphonenumber-js')}; ` +
    `node ${process.version}, ${os.cpus().length} cores\n`,
);
console.log(
  '| engine | numbers/s | µs per number | each round (ms per pass) | vs Sieve | valid | same validity as Sieve | same E.164 (both valid) | same type (both valid) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const pct = (n: number, of: number) => `${n} / ${of} (${((n / of) * 100).toFixed(1)} %)`;
const differences: string[] = [];
for (const [name, list] of Object.entries(results)) {
  const both = list.map((a, i) => a.valid && (sieve[i] as Answer).valid);
  const bothCount = both.filter(Boolean).length;
  const sameValidity = list.filter((a, i) => a.valid === (sieve[i] as Answer).valid).length;
  const sameE164 = list.filter((a, i) => both[i] && a.e164 === (sieve[i] as Answer).e164).length;
  const sameType = list.filter((a, i) => both[i] && a.type === (sieve[i] as Answer).type).length;
  console.log(
    `| ${name} | ${Math.round(rate(name))} | ${(1e6 / rate(name)).toFixed(1)} | ${(times[name] as number[]).map((t) => t.toFixed(0)).join(', ')} | ` +
      `${(rate(name) / rate('sieve')).toFixed(2)}× | ${list.filter((a) => a.valid).length} | ${pct(sameValidity, list.length)} | ` +
      `${pct(sameE164, bothCount)} | ${pct(sameType, bothCount)} |`,
  );
  if (name === 'sieve') continue;
  // What the differences are: counted by kind, with one example each.
  const kinds = new Map<string, { n: number; example: string }>();
  const note = (what: string, i: number) => {
    // Sieve reads a leading 00 as + when no country is given (docs/phone.md); the libraries do not.
    const zeroZero = !inputs[i]?.country && /^[\s(]*0\s*0/.test(inputs[i]?.input ?? '');
    const kind = zeroZero ? `${what}, written 00… without a country` : what;
    const k = kinds.get(kind) ?? { n: 0, example: `${JSON.stringify(inputs[i]?.input)} (${inputs[i]?.country ?? 'no country'})` };
    k.n++;
    kinds.set(kind, k);
  };
  list.forEach((a, i) => {
    const s = sieve[i] as Answer;
    if (a.valid && !s.valid) note(`valid for ${name}, invalid for Sieve (${s.reason})`, i);
    else if (!a.valid && s.valid) note(`invalid for ${name}, valid for Sieve (${s.type})`, i);
    else if (a.valid && s.valid && a.e164 !== s.e164) note('other E.164', i);
    else if (a.valid && s.valid && a.type !== s.type) note(`type ${a.type} for ${name}, ${s.type} for Sieve`, i);
  });
  for (const [kind, { n, example }] of [...kinds].sort((x, y) => y[1].n - x[1].n)) {
    differences.push(`- ${kind}: ${n}, e.g. ${example}`);
  }
}
console.log(`\nDifferences from Sieve:\n${differences.join('\n') || '- none'}`);
if (sink === 0.5) console.log(sink);
