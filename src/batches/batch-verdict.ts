// One word for what a result means, the same for phones and emails, by which results CSVs are filtered
// (`?status=valid,risky` gives the clean list): valid (a valid number; a deliverable address), risky (an
// address that may not receive mail: catch-all, disposable, full), invalid, unknown (the mail server did not
// tell), malformed (no phone number or address at all); for the rows of an upload also duplicate (the same
// item as an earlier row), empty (nothing in the column) and not_checked (a cancelled or failed batch).
export const VERDICTS = ['valid', 'risky', 'invalid', 'unknown', 'malformed', 'duplicate', 'empty', 'not_checked'] as const;
export type Verdict = (typeof VERDICTS)[number];

interface AnyResult {
  valid?: boolean;
  reason?: string | null;
  status?: string;
}

export function verdictOf(kind: 'phone' | 'email', result: unknown): Verdict {
  if (result === null || result === undefined) return 'not_checked';
  const r = result as AnyResult;
  if (kind === 'phone') return r.valid ? 'valid' : r.reason === 'not_a_number' ? 'malformed' : 'invalid';
  switch (r.status) {
    case 'deliverable':
      return 'valid';
    case 'risky':
      return 'risky';
    case 'undeliverable':
      return r.reason === 'invalid_syntax' ? 'malformed' : 'invalid';
    default:
      return 'unknown';
  }
}

/** `valid,risky` as a set of verdicts; undefined (all) when not given; a message naming the unknown word else. */
export function parseVerdicts(list: string | undefined): Set<Verdict> | undefined | { unknown: string } {
  if (list === undefined || list.trim() === '') return undefined;
  const words = list.split(',').map((w) => w.trim());
  const unknown = words.find((w) => !(VERDICTS as readonly string[]).includes(w));
  if (unknown !== undefined) return { unknown };
  return new Set(words as Verdict[]);
}
