// How a batch is cut into jobs. Phones are CPU work: fixed slices in input order. Emails are network work:
// addresses of one domain go to the same job wherever they sit in the list, so one MX look-up and one SMTP
// session serve all of them (a large domain is split over several jobs of its own).

export interface PlannedItem {
  seq: number;
  chunk: number;
  input: string;
  /** The fallback country of this item when it has its own (an upload's country column). */
  country?: string | null;
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

export function planPhones(inputs: string[], chunkSize: number): { items: PlannedItem[]; chunks: number } {
  const items = inputs.map((input, seq) => ({ seq, chunk: Math.floor(seq / chunkSize), input }));
  return { items, chunks: Math.ceil(inputs.length / chunkSize) };
}

export function planEmails(inputs: string[], chunkSize: number): { items: PlannedItem[]; chunks: number } {
  const byDomain = new Map<string, number[]>();
  inputs.forEach((input, seq) => {
    const domain = domainOf(input);
    const list = byDomain.get(domain);
    if (list) list.push(seq);
    else byDomain.set(domain, [seq]);
  });
  const chunkOf = new Array<number>(inputs.length);
  let chunk = 0;
  let fill = 0; // items in the current shared chunk
  // Big domains first, each in chunks of their own; then small ones packed together.
  const groups = [...byDomain.values()].sort((a, b) => b.length - a.length);
  for (const seqs of groups) {
    if (seqs.length >= chunkSize) {
      if (fill > 0) {
        chunk++;
        fill = 0;
      }
      for (let i = 0; i < seqs.length; i += chunkSize) {
        for (const seq of seqs.slice(i, i + chunkSize)) chunkOf[seq] = chunk;
        chunk++;
      }
      continue;
    }
    if (fill + seqs.length > chunkSize) {
      chunk++;
      fill = 0;
    }
    for (const seq of seqs) chunkOf[seq] = chunk;
    fill += seqs.length;
  }
  const chunks = fill > 0 ? chunk + 1 : chunk;
  return { items: inputs.map((input, seq) => ({ seq, chunk: chunkOf[seq] as number, input })), chunks };
}
