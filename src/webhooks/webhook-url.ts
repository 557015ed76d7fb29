// The check a webhook URL passes when it is submitted (a batch's webhook_url, an endpoint): its form and
// every address its host resolves to. The sender checks it again before every delivery.
import type { AddressGuard } from '../net/address-guard.js';
import type { DnsClient } from '../net/dns-client.js';
import { checkWebhookUrlForm, resolveWebhookTarget } from '../net/webhook-target.js';
import type { WebhookFormat } from './webhook-format.js';

/**
 * Why an http:// URL may not be used for `format` (null when it may): the events and verification formats need
 * https:// unless the operator allows http (WEBHOOK_ALLOW_HTTP); WEBHOOK_REQUIRE_HTTPS refuses it for all.
 */
export function httpsProblem(
  url: string,
  format: Pick<WebhookFormat, 'name' | 'needsHttps'>,
  rules: { allowHttp: boolean; requireHttps: boolean },
): string | null {
  if (!/^http:/i.test(url.trim())) return null;
  if (rules.requireHttps) return 'must be an https:// URL (the operator requires HTTPS for every webhook)';
  if (format.needsHttps && !rules.allowHttp)
    return `must be an https:// URL: the ${format.name} format is delivered over HTTPS only`;
  return null;
}

export type UrlVerdict =
  | { ok: true }
  | { ok: false; code: 'webhook_url_invalid' | 'webhook_url_forbidden' | 'webhook_url_unresolvable'; message: string };

export async function vetWebhookUrl(url: string, deps: { guard: AddressGuard; dns: DnsClient }): Promise<UrlVerdict> {
  const form = checkWebhookUrlForm(url);
  if (!form.ok) return { ok: false, code: form.code, message: form.message };
  const target = await resolveWebhookTarget(form.url, deps);
  if (!target.ok) return { ok: false, code: target.code, message: target.message };
  return { ok: true };
}
