// A phone-check thread of the pool (phone-pool.ts): validates a list of numbers and answers each result as
// JSON text (the text is what gets stored or sent, and a string crosses threads far cheaper than an object).
import { loadGeoData } from './phone-geo-data.js';
import { phoneKey, validatePhone } from './phone-engine.js';

export interface PhoneTask {
  inputs: string[];
  /** The country of each input, or null (no fallback country). */
  countries: (string | null)[];
}

/** The dedupe keys of a list (item-dedupe.ts), for a batch being submitted. */
export interface KeysTask {
  keysOf: readonly string[];
  country: string | null;
}

export interface PhoneAnswer {
  json: string[];
  /** 1 where the input is no number at all (reason not_a_number: garbage, never charged). */
  garbage: Uint8Array;
}

export function phoneKeys(task: KeysTask): (string | null)[] {
  return task.keysOf.map((input) => phoneKey(input, task.country ?? undefined));
}

export default function checkPhones(task: PhoneTask | KeysTask | 'warm-up'): PhoneAnswer | (string | null)[] {
  if (task === 'warm-up') {
    loadGeoData();
    return { json: [], garbage: new Uint8Array(0) };
  }
  if ('keysOf' in task) return phoneKeys(task);
  return validateAll(task);
}

export function validateAll(task: PhoneTask): PhoneAnswer {
  const json: string[] = new Array(task.inputs.length);
  const garbage = new Uint8Array(task.inputs.length);
  for (let i = 0; i < task.inputs.length; i++) {
    const result = validatePhone(task.inputs[i] as string, task.countries[i] ?? undefined);
    if (result.reason === 'not_a_number') garbage[i] = 1;
    json[i] = JSON.stringify(result);
  }
  return { json, garbage };
}
