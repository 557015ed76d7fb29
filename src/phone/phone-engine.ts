// The phone engine: a raw string and an optional fallback country in, a result out. Pure (no I/O after the
// offline data is loaded), and built on Google's libphonenumber so its answers are Google's answers.
// The library stays behind this module: nothing else in Sieve imports it.
import { createRequire } from 'node:module';
import lib from 'google-libphonenumber';
import { countryFacts } from './phone-countries.js';
import { areaFor, carrierFor, zonesFor } from './phone-geo-data.js';
import type { LineType, PhoneReason, PhoneResult } from './phone-schema.js';

// Parts of the library its type definitions leave out.
interface UntypedParts {
  Error: Record<'INVALID_COUNTRY_CODE' | 'NOT_A_NUMBER' | 'TOO_SHORT_AFTER_IDD' | 'TOO_SHORT_NSN' | 'TOO_LONG', string>;
}
type Metadata = { getInternationalPrefix(): string };
interface UtilInternals {
  getMetadataForRegion(region: string): Metadata;
  getMetadataForRegionOrCallingCode_(code: number, region: string): Metadata | null;
  getNumberTypeHelper_(nationalNumber: string, metadata: Metadata): lib.PhoneNumberType;
}
const util = lib.PhoneNumberUtil.getInstance() as lib.PhoneNumberUtil & UtilInternals;
const ParseError = (lib as unknown as UntypedParts).Error;
const Statics = lib.PhoneNumberUtil as unknown as { GEO_MOBILE_COUNTRIES_: number[]; SEPARATOR_PATTERN_: string };
const LEADING_SEPARATORS = new RegExp(`^${Statics.SEPARATOR_PATTERN_}`);
const SEPARATORS = new RegExp(Statics.SEPARATOR_PATTERN_, 'g');
const US_INTERNATIONAL_PREFIX = util.getMetadataForRegion('US').getInternationalPrefix();
const PNF = lib.PhoneNumberFormat;
const PNT = lib.PhoneNumberType;
const Possible = lib.PhoneNumberUtil.ValidationResult;
const Source = lib.PhoneNumber.CountryCodeSource;

const require = createRequire(import.meta.url);
export const METADATA_VERSION = `google-libphonenumber@${(require('google-libphonenumber/package.json') as { version: string }).version}`;

/** Inputs longer than this are refused without parsing. */
export const MAX_PHONE_INPUT = 100;

const LINE_TYPES: Record<number, LineType> = {
  [PNT.FIXED_LINE]: 'fixed_line',
  [PNT.MOBILE]: 'mobile',
  [PNT.FIXED_LINE_OR_MOBILE]: 'fixed_line_or_mobile',
  [PNT.TOLL_FREE]: 'toll_free',
  [PNT.PREMIUM_RATE]: 'premium_rate',
  [PNT.SHARED_COST]: 'shared_cost',
  [PNT.VOIP]: 'voip',
  [PNT.PERSONAL_NUMBER]: 'personal_number',
  [PNT.PAGER]: 'pager',
  [PNT.UAN]: 'uan',
  [PNT.VOICEMAIL]: 'voicemail',
};

const PARSE_ERRORS: Record<string, PhoneReason> = {
  [ParseError.INVALID_COUNTRY_CODE]: 'invalid_country_code',
  [ParseError.NOT_A_NUMBER]: 'not_a_number',
  [ParseError.TOO_SHORT_AFTER_IDD]: 'too_short',
  [ParseError.TOO_SHORT_NSN]: 'too_short',
  [ParseError.TOO_LONG]: 'too_long',
};

const POSSIBILITY: Record<number, PhoneReason> = {
  [Possible.INVALID_COUNTRY_CODE]: 'invalid_country_code',
  [Possible.TOO_SHORT]: 'too_short',
  [Possible.TOO_LONG]: 'too_long',
  [Possible.INVALID_LENGTH]: 'invalid_length',
  // Dialable only inside its area (an area code is missing): short of a full number.
  [Possible.IS_POSSIBLE_LOCAL_ONLY]: 'too_short',
  [Possible.IS_POSSIBLE]: 'invalid_number',
};

/** Google gives a carrier only for numbers that can be mobile (PhoneNumberToCarrierMapper). */
const CARRIER_TYPES = new Set<LineType>(['mobile', 'fixed_line_or_mobile', 'pager']);

const SUPPORTED_REGIONS = new Set<string>(util.getSupportedRegions());

/** ISO 3166 alpha-2 codes libphonenumber knows (a country fallback must be one of them). */
export function isSupportedRegion(iso2: string): boolean {
  return SUPPORTED_REGIONS.has(iso2);
}

/**
 * Google's rule: a geographical number by its longest prefix, any other valid number by its country code.
 * One refinement: in the North American plan (+1) the area code names the territory (+1 242 is the Bahamas),
 * so a mobile or toll-free number is looked up by +1 and its area code instead of all 40-odd +1 zones.
 */
function timeZones(e164: string, code: number, geographical: boolean): string[] {
  if (geographical) return zonesFor(e164.slice(1));
  if (code === 1) return zonesFor(e164.slice(1, 5));
  return zonesFor(String(code));
}

type Formats = NonNullable<PhoneResult['format']>;

/**
 * The five formats. E.164, international and national come from the library; RFC 3966 and "as dialled from
 * the USA" are derived from the international form the way the library derives them (same formatting
 * pattern, separators as dashes / the US international prefix), which saves two pattern searches per number.
 * A test compares the derived forms with the library's own on thousands of numbers.
 */
function formats(number: lib.PhoneNumber, code: number): Formats {
  const e164 = util.format(number, PNF.E164);
  const international = util.format(number, PNF.INTERNATIONAL);
  const national = util.format(number, PNF.NATIONAL);
  const extension = number.getExtension();
  if (number.getNationalNumber() === 0 || !international.startsWith(`+${code} `)) {
    // Unusual shapes: let the library do them all.
    return {
      e164,
      international,
      national,
      out_of_usa: util.formatOutOfCountryCallingNumber(number, 'US'),
      rfc3966: util.format(number, PNF.RFC3966),
    };
  }
  let grouped = international.slice(code.toString().length + 2);
  if (extension) grouped = grouped.slice(0, grouped.lastIndexOf(extension)).replace(/\D+$/, '');
  const rfc3966 = `tel:+${code}-${grouped.replace(LEADING_SEPARATORS, '').replace(SEPARATORS, '-')}${extension ? `;ext=${extension}` : ''}`;
  const outOfUsa = code === 1 ? `1 ${national}` : `${US_INTERNATIONAL_PREFIX} ${international.slice(1)}`;
  return { e164, international, national, out_of_usa: outOfUsa, rfc3966 };
}

function invalid(input: string, reason: PhoneReason): PhoneResult {
  return {
    input,
    valid: false,
    confidence: 'unknown',
    reason,
    line_type: 'unknown',
    carrier: null,
    carrier_source: null,
    country: null,
    format: null,
    extension: null,
    time_zones: [],
    currencies: [],
    metadata_version: METADATA_VERSION,
  };
}

function parse(input: string, country: string | undefined): lib.PhoneNumber | PhoneReason {
  let text = input.trim();
  if (text.length > MAX_PHONE_INPUT) return 'too_long';
  // Letters alone are no number (vanity numbers such as 1-800-FLOWERS still carry digits).
  if (!/\d/.test(text)) return 'not_a_number';
  // Without a fallback country there is no national dialling plan to read "00" from; almost every
  // country uses it as the international prefix, so read it as "+".
  if (!country && /^00[1-9]/.test(text.replace(/[\s().-]/g, ''))) text = `+${text.replace(/^[\s(]*0\s*0/, '')}`;
  try {
    // With a fallback country, keep how the country code was found (needed for valid_for_other_region);
    // without one, plain parse, which also reads "(+33) ..." and "tel:+33..." (the keep-raw variant does not).
    return country ? util.parseAndKeepRawInput(text, country) : util.parse(text, 'ZZ');
  } catch (err) {
    return PARSE_ERRORS[(err as Error).message] ?? 'not_a_number';
  }
}

/**
 * What makes two inputs the same number: `+`, the country code and the national number (then `;ext=` and the
 * extension, if any) once parsed with the fallback `country`: the E.164 form. `null` when the input cannot be
 * a number at all (no digits, or not read as one by the library: validatePhone's reason `not_a_number`);
 * `undefined` when parsing refused it for another reason (no country code, too short...), so that only its
 * spelling tells it apart.
 */
export function phoneIdentity(input: string, country?: string): string | null | undefined {
  const parsed = parse(input, country);
  if (typeof parsed === 'string') return parsed === 'not_a_number' ? null : undefined;
  const extension = parsed.getExtension();
  const e164 = `+${parsed.getCountryCodeOrDefault()}${util.getNationalSignificantNumber(parsed)}`;
  return extension ? `${e164};ext=${extension}` : e164;
}

/**
 * The key two phones share when they are the same number (src/items/item-dedupe.ts): the identity, or the trimmed
 * spelling of an input the library refuses; null when the input is no number at all.
 */
export function phoneKey(input: string, country?: string): string | null {
  const id = phoneIdentity(input, country);
  return id === null ? null : (id ?? `~${input.trim()}`);
}

export function validatePhone(input: string, country?: string): PhoneResult {
  const parsed = parse(input, country);
  if (typeof parsed === 'string') return invalid(input, parsed);
  const number = parsed;

  const code = number.getCountryCodeOrDefault();
  const nationalNumber = util.getNationalSignificantNumber(number);
  // isValidNumber and getNumberType each look the region up again, and isNumberGeographical computes the
  // type again: do each step once, with the same library calls they make inside.
  const numberRegion = util.getRegionCodeForNumber(number);
  const metadata = numberRegion ? util.getMetadataForRegionOrCallingCode_(code, numberRegion) : null;
  const typeCode = metadata ? util.getNumberTypeHelper_(nationalNumber, metadata) : PNT.UNKNOWN;
  let valid = typeCode !== PNT.UNKNOWN;
  const region: string | undefined = numberRegion ?? util.getRegionCodeForCountryCode(code);
  const lineType: LineType = LINE_TYPES[typeCode] ?? 'unknown';

  let reason: PhoneReason | null = null;
  if (!valid) {
    reason = POSSIBILITY[util.isPossibleNumberWithReason(number)] ?? 'invalid_number';
  } else if (
    country &&
    number.getCountryCodeSource() === Source.FROM_DEFAULT_COUNTRY &&
    !util.isValidNumberForRegion(number, country)
  ) {
    // Written nationally for `country`, but a number of another region sharing its calling code (+1 CA for US).
    valid = false;
    reason = 'valid_for_other_region';
  }

  const facts = region && region !== 'ZZ' && region !== '001' ? countryFacts(region) : undefined;
  const geographical =
    typeCode === PNT.FIXED_LINE ||
    typeCode === PNT.FIXED_LINE_OR_MOBILE ||
    (typeCode === PNT.MOBILE && Statics.GEO_MOBILE_COUNTRIES_.includes(code));
  const carrier = CARRIER_TYPES.has(lineType) ? carrierFor(code, nationalNumber) : undefined;
  const format = formats(number, code);

  return {
    input,
    valid,
    // Valid means the type is known: one definite type, or the plan cannot tell fixed from mobile.
    confidence: valid ? (lineType === 'fixed_line_or_mobile' ? 'likely' : 'verified') : 'unknown',
    reason,
    line_type: lineType,
    carrier: carrier ?? null,
    carrier_source: carrier ? 'original_allocation' : null,
    country: {
      iso2: facts?.iso2 ?? null,
      iso3: facts?.iso3 ?? null,
      code,
      name: facts?.name ?? null,
      flag: facts?.flag ?? null,
      numeric: facts?.numeric ?? null,
      description: geographical ? (areaFor(code, nationalNumber) ?? null) : null,
    },
    format,
    extension: number.getExtension() ?? null,
    time_zones: lineType === 'unknown' ? [] : timeZones(format.e164, code, geographical),
    currencies: facts?.currencies ?? [],
    metadata_version: METADATA_VERSION,
  };
}
