// Country facts for phone results, from maintained data: world-countries (ISO 3166 codes, flags,
// currencies) and the runtime's ICU (English names). Nothing here is a table of our own.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

const countries = createRequire(import.meta.url)('world-countries/countries.json') as Country[];

export interface CountryFacts {
  iso2: string;
  iso3: string | null;
  name: string;
  flag: string;
  numeric: number | null;
  currencies: string[];
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The emoji flag of a two-letter region: its letters as Unicode regional indicator symbols. */
function flagOf(iso2: string): string {
  return String.fromCodePoint(...[...iso2.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

const byIso2 = new Map<string, CountryFacts>(
  countries.map((c) => [
    c.cca2,
    {
      iso2: c.cca2,
      iso3: c.cca3 || null,
      name: c.name.common,
      flag: c.flag || flagOf(c.cca2),
      numeric: c.ccn3 ? Number(c.ccn3) : null,
      currencies: Object.keys(c.currencies ?? {}),
    },
  ]),
);

/**
 * Facts about a region code as libphonenumber uses them. Regions that ISO 3166-1 does not list separately
 * (AC Ascension, TA Tristan da Cunha) get the runtime's English name and a computed flag, no ISO-3 or numeric code.
 */
export function countryFacts(iso2: string): CountryFacts | undefined {
  const known = byIso2.get(iso2);
  if (known) return known;
  if (!/^[A-Z]{2}$/.test(iso2)) return undefined;
  let name: string | undefined;
  try {
    name = regionNames.of(iso2);
  } catch {
    return undefined;
  }
  if (!name || name === iso2) return undefined;
  const facts: CountryFacts = { iso2, iso3: null, name, flag: flagOf(iso2), numeric: null, currencies: [] };
  byIso2.set(iso2, facts);
  return facts;
}
