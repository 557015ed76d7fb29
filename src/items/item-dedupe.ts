// Which submitted items are the same item: checked once and charged once, wherever they were sent
// (a bulk call, a batch). The first spelling seen is the one kept.

export type ItemKind = 'phone' | 'email';

/** Distinct emails, deduplicated case-insensitively on the domain only (the local part may be case-sensitive). */
export function distinctEmails(emails: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const email of emails) {
    const at = email.lastIndexOf('@');
    const key = at < 0 ? email : `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(email);
  }
  return out;
}

/** Phones are the same when the strings are; emails when they differ only in the case of the domain. */
export const distinct = (kind: ItemKind, items: string[]) => (kind === 'phone' ? [...new Set(items)] : distinctEmails(items));
