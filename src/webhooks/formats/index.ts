// Every webhook format, by name.
import type { FormatName, WebhookFormat } from '../webhook-format.js';
import { batch } from './batch.js';
import { events } from './events.js';
import { lookup } from './lookup.js';
import { standard } from './standard.js';
import { verification } from './verification.js';

export const FORMATS: Readonly<Record<FormatName, WebhookFormat>> = { standard, batch, lookup, events, verification };

export function formatOf(name: string): WebhookFormat {
  return FORMATS[name as FormatName] ?? standard;
}
