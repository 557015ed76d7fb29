// The phone engine against Google's reference answers, the contracts' examples, every reason code,
// the input spellings people use, and the offline data (read once, never per request).
import fs from 'node:fs';
import lib from 'google-libphonenumber';
import { describe, expect, it, vi } from 'vitest';
import { validatePhone } from '../../../src/phone/phone-engine.js';
import { loadGeoData } from '../../../src/phone/phone-geo-data.js';
import { phoneDataset } from '../../../bench/phone-dataset.js';

interface ReferenceRow {
  input: string;
  country: string | null;
  valid: boolean;
  reason: string | null;
  line_type?: string;
  region?: string;
  e164?: string;
  international?: string;
  national?: string;
}
const reference = JSON.parse(fs.readFileSync(new URL('../../fixtures/phone-reference.json', import.meta.url), 'utf8')) as {
  rows: ReferenceRow[];
};

describe('examples of the phone batch API and per-lookup callbacks', () => {
  it('+33612345678: valid French mobile, verified, original carrier SFR', () => {
    const r = validatePhone('+33612345678');
    expect(r).toMatchObject({ input: '+33612345678', valid: true, confidence: 'verified', line_type: 'mobile', carrier: 'SFR' });
    expect(r.country).toMatchObject({ iso2: 'FR', iso3: 'FRA', code: 33, name: 'France', flag: '🇫🇷', numeric: 250 });
    expect(r.carrier_source).toBe('original_allocation');
    expect(r.format).toEqual({
      e164: '+33612345678',
      international: '+33 6 12 34 56 78',
      national: '06 12 34 56 78',
      out_of_usa: '011 33 6 12 34 56 78',
      rfc3966: 'tel:+33-6-12-34-56-78',
    });
    expect(r.time_zones).toEqual(['Europe/Paris']);
    expect(r.currencies).toEqual(['EUR']);
  });

  it('+14155552671: valid, likely, fixed_line_or_mobile (the US does not tell them apart)', () => {
    const r = validatePhone('+14155552671');
    expect(r).toMatchObject({ valid: true, confidence: 'likely', line_type: 'fixed_line_or_mobile', reason: null });
    expect(r.country).toMatchObject({ iso2: 'US', iso3: 'USA', code: 1, numeric: 840, description: 'San Francisco, CA' });
    expect(r.format?.out_of_usa).toBe('1 (415) 555-2671');
    expect(r.time_zones).toEqual(['America/Los_Angeles']);
  });

  it('0712345678 with country FR is read as +33712345678; Google has no 07 1x range, so it is not valid', () => {
    const r = validatePhone('0712345678', 'FR');
    expect(r.format?.e164).toBe('+33712345678');
    expect(r.country?.iso2).toBe('FR');
    // The phone batch API's document shows this as a valid mobile; Google's metadata (which we follow) does not list the range.
    expect(r).toMatchObject({ valid: false, reason: 'invalid_number', confidence: 'unknown', line_type: 'unknown' });
  });

  it('gives the details of per-lookup callbacks: formats, country with flag and numeric code, time zones, currencies', () => {
    const r = validatePhone('+12133734253'); // a Los Angeles number
    expect(r.valid).toBe(true);
    expect(r.format).toEqual({
      e164: '+12133734253',
      international: '+1 213-373-4253',
      national: '(213) 373-4253',
      out_of_usa: '1 (213) 373-4253',
      rfc3966: 'tel:+1-213-373-4253',
    });
    expect(r.country).toEqual({
      iso2: 'US',
      iso3: 'USA',
      code: 1,
      name: 'United States',
      flag: '🇺🇸',
      numeric: 840,
      description: 'Los Angeles, CA',
    });
    expect(r.time_zones).toEqual(['America/Los_Angeles']);
    expect(r.currencies).toEqual(['USD']);
  });
});

describe('agreement with Google’s reference implementation', () => {
  const rows = reference.rows;
  it(`the fixture spans ${new Set(rows.map((r) => r.region).filter(Boolean)).size} regions and mobile, fixed, toll-free and invalid rows`, () => {
    expect(new Set(rows.map((r) => r.region).filter(Boolean)).size).toBeGreaterThanOrEqual(30);
    const types = new Set(rows.filter((r) => r.valid).map((r) => r.line_type));
    for (const t of ['mobile', 'fixed_line', 'toll_free']) expect(types).toContain(t);
    expect(rows.filter((r) => !r.valid).length).toBeGreaterThanOrEqual(20);
  });

  it.each(rows.map((r) => [`${r.input}${r.country ? ` (${r.country})` : ''}`, r] as const))('%s', (_name, row) => {
    const r = validatePhone(row.input, row.country ?? undefined);
    expect(r.valid).toBe(row.valid);
    expect(r.reason).toBe(row.reason);
    if (row.valid) {
      expect(r.line_type).toBe(row.line_type);
      expect(r.country?.iso2).toBe(row.region);
      expect(r.format).toMatchObject({ e164: row.e164, international: row.international, national: row.national });
      expect(r.confidence).toBe(row.line_type === 'fixed_line_or_mobile' ? 'likely' : 'verified');
    } else {
      expect(r.confidence).toBe('unknown');
      if (row.e164) expect(r.format?.e164).toBe(row.e164);
    }
  });
});

describe('reasons and spellings', () => {
  it.each([
    ['hello', undefined, 'not_a_number'],
    ['', undefined, 'not_a_number'],
    ['   ', 'FR', 'not_a_number'],
    ['+999 1234567', undefined, 'invalid_country_code'],
    ['12345678', undefined, 'invalid_country_code'],
    ['+33 6 12', undefined, 'too_short'],
    ['+33 6 12 34 56 78 90', undefined, 'too_long'],
    ['1'.repeat(101), undefined, 'too_long'],
    ['+90 532 123 456', undefined, 'invalid_length'],
    ['+1 323 111 2233', undefined, 'invalid_number'],
    ['416 555 0123', 'US', 'valid_for_other_region'],
  ])('%j (country %s) → %s', (input, country, reason) => {
    const r = validatePhone(input, country);
    expect(r.valid).toBe(false);
    expect(r.reason).toBe(reason);
  });

  it('a number of another NANP region written internationally is simply valid (the fallback country does not apply)', () => {
    const r = validatePhone('+1 416 555 0123', 'US');
    expect(r).toMatchObject({ valid: true, reason: null });
    expect(r.country?.iso2).toBe('CA');
  });

  it.each([
    ['+33 6 12 34 56 78', undefined],
    ['+33-6-12-34-56-78', undefined],
    ['+33.6.12.34.56.78', undefined],
    ['+33 (0)6 12 34 56 78', undefined],
    ['(+33) 612345678', undefined],
    ['06 12 34 56 78', 'FR'],
    ['0033 6 12 34 56 78', undefined],
    ['00 33 612345678', 'DE'],
    ['011 33 6 12 34 56 78', 'US'],
    ['tel:+33-6-12-34-56-78', undefined],
    ['+33612345678', 'US'],
  ])('%j (country %s) is +33612345678', (input, country) => {
    const r = validatePhone(input, country);
    expect(r.valid).toBe(true);
    expect(r.format?.e164).toBe('+33612345678');
  });

  it('reads vanity letters as keypad digits and keeps extensions', () => {
    const vanity = validatePhone('1-800-FLOWERS', 'US');
    expect(vanity).toMatchObject({ valid: true, line_type: 'toll_free', confidence: 'verified' });
    expect(vanity.format?.e164).toBe('+18003569377');
    const ext = validatePhone('tel:+1-800-356-9377;ext=123');
    expect(ext.extension).toBe('123');
    expect(ext.format).toMatchObject({
      e164: '+18003569377',
      rfc3966: 'tel:+1-800-356-9377;ext=123',
      international: '+1 800-356-9377 ext. 123',
    });
    expect(validatePhone('+44 20 7946 0958 ext. 42').extension).toBe('42');
    // letters around a number are not silently dropped (libphonenumber-js accepts this one)
    expect(validatePhone('abc28981xyz', 'TO').valid).toBe(false);
  });

  it('gives carriers only where the number can be mobile, and a country-wide zone for non-geographic numbers', () => {
    expect(validatePhone('+41 43 123 45 67')).toMatchObject({ line_type: 'fixed_line', carrier: null });
    expect(validatePhone('+41 43 123 45 67').country?.description).toBe('Zurich');
    expect(validatePhone('+8619912345678').carrier).toBe('China Telecom');
    expect(validatePhone('+447400123456').carrier).toBe('Three');
    expect(validatePhone('+919876543210').carrier).toBe('Airtel');
    expect(validatePhone('+12423570000')).toMatchObject({ carrier: 'BaTelCo', time_zones: ['America/Nassau'] });
    expect(validatePhone('+800 1234 5678')).toMatchObject({ valid: true, line_type: 'toll_free', time_zones: [] });
    expect(validatePhone('+800 1234 5678').country).toMatchObject({ iso2: null, code: 800 });
  });
});

describe('derived formats equal the library’s own', () => {
  it('RFC 3966 and out-of-USA forms match google-libphonenumber on 10,000 varied inputs', () => {
    const util = lib.PhoneNumberUtil.getInstance();
    const typeNames = new Map(Object.entries(lib.PhoneNumberType).map(([name, code]) => [code, name]));
    let compared = 0;
    for (const { input, country } of phoneDataset(10_000, 7)) {
      const r = validatePhone(input, country);
      if (!r.format) continue;
      const n = util.parse(input.replace(/^00\s*/, '+'), country ?? 'ZZ');
      expect(r.format.rfc3966, input).toBe(util.format(n, lib.PhoneNumberFormat.RFC3966));
      expect(r.format.out_of_usa, input).toBe(util.formatOutOfCountryCallingNumber(n, 'US'));
      // valid_for_other_region is the one rule of ours: the library calls such a number valid.
      expect(r.valid || r.reason === 'valid_for_other_region', input).toBe(util.isValidNumber(n));
      if (r.valid) expect(r.line_type.toUpperCase(), input).toBe(typeNames.get(util.getNumberType(n)));
      compared++;
    }
    expect(compared).toBeGreaterThan(8000);
  });
});

describe('offline data', () => {
  it('is read once: no file is opened while validating', () => {
    loadGeoData();
    const spies = [
      vi.spyOn(fs, 'readFileSync'),
      vi.spyOn(fs, 'readFile'),
      vi.spyOn(fs, 'openSync'),
      vi.spyOn(fs, 'open'),
      vi.spyOn(fs.promises, 'readFile'),
      vi.spyOn(fs.promises, 'open'),
    ];
    try {
      for (const { input, country } of phoneDataset(2000, 99)) validatePhone(input, country);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
