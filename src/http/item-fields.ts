// The request fields the validation operations share: bounds of an item, the fallback country, and which
// kind of items a body holds.
import Type from 'typebox';
import type { ItemKind } from '../items/item-dedupe.js';
import { invalidField } from '../lib/errors.js';
import { isSupportedRegion, MAX_PHONE_INPUT } from '../phone/phone-engine.js';

/** RFC 5321 allows 254 characters in a path; a little room for spaces people paste around addresses. */
const MAX_EMAIL_INPUT = 320;

export const PhoneField = Type.String({
  maxLength: MAX_PHONE_INPUT,
  description: 'The number as written: E.164, international, national (with country), tel: URI, extension, letters',
});
export const EmailField = Type.String({ maxLength: MAX_EMAIL_INPUT, description: 'The address as written' });
export const CountryField = Type.String({
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2 country used for numbers written without their country code',
});

/**
 * Which kind of items a request body holds: exactly one of its `phoneField` and `emailField` must be there,
 * and only the options of that kind (country for phones; smtp_check, use_cache for emails). Else a 422.
 */
export function itemKind(body: Record<string, unknown>, phoneField: string, emailField: string): ItemKind {
  if ((body[phoneField] === undefined) === (body[emailField] === undefined)) {
    throw invalidField('body', `must have either ${phoneField} or ${emailField} (one of them, not both)`);
  }
  const kind = body[phoneField] !== undefined ? 'phone' : 'email';
  if (kind === 'email' && body.country !== undefined) throw invalidField('body.country', 'applies to phones only');
  for (const option of ['smtp_check', 'use_cache']) {
    if (kind === 'phone' && body[option] !== undefined) throw invalidField(`body.${option}`, 'applies to emails only');
  }
  return kind;
}

/** The fallback country in upper case, or a 422 naming the field when libphonenumber does not know it. */
export function fallbackCountry(country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  const upper = country.toUpperCase();
  if (!isSupportedRegion(upper)) throw invalidField('body.country', `"${upper}" is not a country code with a numbering plan`);
  return upper;
}
