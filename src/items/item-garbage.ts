// The answer to an input that is no item at all (see item-dedupe.ts): given at once, at no charge, by the
// same engines that answer real items, so it reads exactly as they would have answered it.
import { parseAddress } from '../email/email-syntax.js';
import { syntaxFailure } from '../email/email-verdict.js';
import { validatePhone } from '../phone/phone-engine.js';
import type { ItemKind } from './item-dedupe.js';

export function garbageResult(kind: ItemKind, input: string, options: { country?: string; smtpCheck?: boolean }): unknown {
  if (kind === 'phone') return validatePhone(input, options.country);
  return syntaxFailure(input, parseAddress(input), options.smtpCheck ?? true, new Date());
}
