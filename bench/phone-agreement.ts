// Agreement of the phone engine with Google's reference on the benchmark's 10,000 inputs. The reference is
// Debian's python3-phonenumbers (Google's code in Python, late-2022 metadata): `apt-get install python3-phonenumbers`.
// A difference is "newer metadata" when google-libphonenumber itself (2025 metadata) gives our answer, and
// "our rule" when the engine departs from the library on purpose (documented in docs/phone.md).
// Usage: npx tsx bench/phone-agreement.ts
import { execFileSync } from 'node:child_process';
import lib from 'google-libphonenumber';
import { validatePhone } from '../src/phone/phone-engine.js';
import { phoneDataset } from './phone-dataset.js';

interface Answer {
  valid: boolean;
  e164: string | null;
  type: string;
}

const inputs = phoneDataset();
const PYTHON = `
import json, sys, phonenumbers as p
from phonenumbers import PhoneNumberType as T
names = {getattr(T, k): k for k in dir(T) if k.isupper()}
out = []
for item in json.load(sys.stdin):
    try:
        n = p.parse(item['input'], item.get('country'))
    except p.NumberParseException:
        out.append({'valid': False, 'e164': None, 'type': 'UNKNOWN'}); continue
    v = p.is_valid_number(n)
    out.append({'valid': v, 'e164': p.format_number(n, p.PhoneNumberFormat.E164), 'type': names[p.number_type(n)] if v else 'UNKNOWN'})
print(json.dumps({'version': p.__version__, 'answers': out}))
`;

let reference: { version: string; answers: Answer[] };
try {
  reference = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', PYTHON], { input: JSON.stringify(inputs), maxBuffer: 64 << 20 }).toString(),
  );
} catch {
  console.error('python3-phonenumbers is needed: apt-get install python3-phonenumbers');
  process.exit(1);
}

const util = lib.PhoneNumberUtil.getInstance();
const typeName = new Map(Object.entries(lib.PhoneNumberType).map(([k, v]) => [v, k]));
function library(input: string, country: string | undefined): Answer {
  try {
    const n = util.parse(input, country ?? 'ZZ');
    const valid = util.isValidNumber(n);
    return {
      valid,
      e164: util.format(n, lib.PhoneNumberFormat.E164),
      type: valid ? (typeName.get(util.getNumberType(n)) ?? 'UNKNOWN') : 'UNKNOWN',
    };
  } catch {
    return { valid: false, e164: null, type: 'UNKNOWN' };
  }
}
function ours(input: string, country: string | undefined): Answer {
  const r = validatePhone(input, country);
  return { valid: r.valid, e164: r.format?.e164 ?? null, type: r.valid ? r.line_type.toUpperCase() : 'UNKNOWN' };
}

const same = (a: Answer, b: Answer) => a.valid === b.valid && a.e164 === b.e164 && a.type === b.type;
/** Which of the engine's own rules (docs/phone.md) makes it answer differently from the library. */
function rule(input: string, country: string | undefined): string {
  if (!country && /^\s*\(?\s*0\s*0/.test(input)) return '"00" read as "+" without a country';
  if (!/\d/.test(input)) return 'no digit: not a number';
  if (country && validatePhone(input, country).reason === 'valid_for_other_region')
    return 'written nationally for another region';
  return 'other';
}

let agree = 0;
let metadata = 0;
const rules: string[] = [];
const ruleCounts = new Map<string, number>();
const fields = { valid: 0, e164: 0, type: 0 };
inputs.forEach(({ input, country }, i) => {
  const ref = reference.answers[i] as Answer;
  const mine = ours(input, country);
  if (mine.valid === ref.valid) fields.valid++;
  if (mine.e164 === ref.e164) fields.e164++;
  if (mine.type === ref.type) fields.type++;
  if (same(mine, ref)) agree++;
  else if (same(mine, library(input, country))) metadata++;
  else {
    const why = rule(input, country);
    ruleCounts.set(why, (ruleCounts.get(why) ?? 0) + 1);
    if (why === 'other')
      rules.push(
        `${JSON.stringify(input)}${country ? ` (${country})` : ''}: ours ${JSON.stringify(mine)}, reference ${JSON.stringify(ref)}`,
      );
  }
});
const pct = (n: number) => `${((n / inputs.length) * 100).toFixed(2)}%`;
console.log(`reference: python phonenumbers ${reference.version}; ${inputs.length} inputs`);
console.log(
  `agree on validity ${pct(fields.valid)}, E.164 ${pct(fields.e164)}, type ${pct(fields.type)}; on all three ${agree} (${pct(agree)})`,
);
console.log(`differences explained by newer metadata (google-libphonenumber gives our answer): ${metadata}`);
for (const [why, n] of ruleCounts) console.log(`differences from an engine rule: ${why}: ${n}`);
const explained = agree + metadata + [...ruleCounts].filter(([w]) => w !== 'other').reduce((a, [, n]) => a + n, 0);
console.log(`agree, or differ only by newer metadata or a stated rule: ${explained} (${pct(explained)})`);
for (const line of rules.slice(0, 15)) console.log(`  unexplained: ${line}`);
