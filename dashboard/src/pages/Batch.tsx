import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { client, unwrap } from '../api';
import { type Slice, StatusDonut } from '../charts';
import { ErrorNote, Loading, num, StatusBadge, when, TableWrap } from '../ui';

const VERDICT_COLOURS: Record<string, string> = {
  valid: '#15803d',
  risky: '#d97706',
  invalid: '#b91c1c',
  unknown: '#6b7280',
  malformed: '#7c3aed',
  duplicate: '#0e7490',
  empty: '#d1d5db',
  not_checked: '#1f2937',
};
const PAGE = 25;
const ACTIVE = new Set(['queued', 'processing']);

/** Items per second over the last samples, and the seconds left at that rate. */
function useRate(processed: number | undefined, total: number | undefined) {
  const samples = useRef<{ t: number; n: number }[]>([]);
  if (processed !== undefined) {
    const last = samples.current[samples.current.length - 1];
    if (!last || last.n !== processed) samples.current = [...samples.current, { t: Date.now(), n: processed }].slice(-10);
  }
  const first = samples.current[0];
  const last = samples.current[samples.current.length - 1];
  if (!first || !last || last.t === first.t || total === undefined) return { rate: null, eta: null };
  const rate = ((last.n - first.n) / (last.t - first.t)) * 1000;
  return { rate, eta: rate > 0 ? (total - last.n) / rate : null };
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first, then filename). */
function fileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) return decodeURIComponent(extended);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

const duration = (s: number) =>
  s < 90 ? `${Math.ceil(s)} s` : s < 5400 ? `${Math.ceil(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;

export default function Batch() {
  const { batchId = '' } = useParams();
  const queries = useQueryClient();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [offset, setOffset] = useState(0);
  const [confirmCancel, setConfirmCancel] = useState(false);

  const status = useQuery({
    queryKey: ['batch', batchId],
    queryFn: async () =>
      unwrap(
        await client.GET('/api/v1/batch/{batch_id}', { params: { path: { batch_id: batchId }, query: { offset: 0, limit: 1 } } }),
      ),
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? 1000 : false),
  });
  const active = status.data ? ACTIVE.has(status.data.status) : true;
  const statusList = [...chosen].sort().join(',');
  const rows = useQuery({
    queryKey: ['batch-rows', batchId, statusList, offset, status.data?.status, active ? status.data?.processed : -1],
    queryFn: async () =>
      unwrap(
        await client.GET('/api/v1/batch/{batch_id}/rows', {
          params: { path: { batch_id: batchId }, query: { offset, limit: PAGE, ...(statusList ? { status: statusList } : {}) } },
        }),
      ),
    enabled: status.data !== undefined,
    placeholderData: keepPreviousData,
    // While the batch runs, the counts are refreshed at most every 3 s, not on every progress tick.
    staleTime: active ? 3000 : Infinity,
  });
  const { rate, eta } = useRate(status.data?.processed, status.data?.total);
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(await client.POST('/api/v1/batch/{batch_id}/cancel', { params: { path: { batch_id: batchId } } })),
    onSettled: () => {
      setConfirmCancel(false);
      void queries.invalidateQueries({ queryKey: ['batch', batchId] });
    },
  });
  const download = useMutation({
    mutationFn: async () => {
      const { data, response, error } = await client.GET('/api/v1/batch/{batch_id}/results.csv', {
        params: { path: { batch_id: batchId }, query: statusList ? { status: statusList } : {} },
        parseAs: 'blob',
      });
      if (error !== undefined || !data) unwrap({ data, error, response });
      const name = fileName(response.headers.get('content-disposition')) ?? `${batchId}.csv`;
      const url = URL.createObjectURL(data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  useEffect(() => setOffset(0), [statusList]);

  if (status.isPending) return <Loading label="Loading the batch" />;
  if (status.isError) return <ErrorNote error={status.error} />;
  const b = status.data;
  const percent = Math.floor(b.progress * 100);
  const counts = rows.data?.counts ?? {};
  const slices: Slice[] = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([label, value]) => ({ label, value, colour: VERDICT_COLOURS[label] ?? '#374151' }));
  const toggle = (verdict: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(verdict)) next.delete(verdict);
      else next.add(verdict);
      return next;
    });
  const waiting = b.waiting
    ? `${num(b.waiting.items)} item(s) wait for a later attempt (${b.waiting.reason.replace(/_/g, ' ')}), next at ${when(b.waiting.next_attempt_at)}.`
    : b.status === 'queued'
      ? 'Waiting for a worker to take its first chunk.'
      : b.status === 'processing'
        ? 'Chunks are being checked by the workers.'
        : null;

  return (
    <>
      <h1>
        {b.file_name ?? 'Batch'} <StatusBadge status={b.status} />
      </h1>
      <p className="muted">
        {b.batch_id} · {b.kind} · created {when(b.created_at)} · {num(b.credits_charged)} credits charged
        {b.credits_refunded > 0 ? `, ${num(b.credits_refunded)} refunded` : ''}
      </p>
      <section className="card" aria-labelledby="progress-h">
        <h2 id="progress-h">Progress</h2>
        <div
          className="bar"
          role="progressbar"
          aria-label="Items checked"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent} %: ${num(b.processed)} of ${num(b.total)} items`}
        >
          <div style={{ width: `${percent}%` }} />
        </div>
        <p data-testid="progress-text">
          {percent} % · {num(b.processed)} of {num(b.total)} items
          {active && rate !== null && rate > 0 ? ` · ${num(Math.round(rate))} items/s` : ''}
          {active && eta !== null ? ` · about ${duration(eta)} left` : ''}
        </p>
        {waiting && <p className="muted">{waiting}</p>}
        {b.error && <p className="error">{b.error.message}</p>}
        {active &&
          (confirmCancel ? (
            <p role="group" aria-label="Confirm cancel">
              Cancel this batch? Items not checked yet are refunded.{' '}
              <button type="button" className="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending} autoFocus>
                Yes, cancel it
              </button>{' '}
              <button type="button" className="secondary" onClick={() => setConfirmCancel(false)}>
                Keep it running
              </button>
            </p>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirmCancel(true)}>
              Cancel the batch
            </button>
          ))}
        {cancel.isError && <ErrorNote error={cancel.error} />}
      </section>

      <section className="card" aria-labelledby="results-h">
        <h2 id="results-h">Results</h2>
        {rows.isError && <ErrorNote error={rows.error} />}
        {rows.data && (
          <div className="split">
            <StatusDonut slices={slices} total={rows.data.total_rows} />
            <div>
              <p id="legend-help" className="help">
                Choose statuses to filter the table and the download; none chosen means all rows.
              </p>
              <ul className="legend" aria-describedby="legend-help" data-testid="legend">
                {slices.map((s) => (
                  <li key={s.label}>
                    <button
                      type="button"
                      aria-pressed={chosen.has(s.label)}
                      onClick={() => toggle(s.label)}
                      data-verdict={s.label}
                    >
                      <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
                      <span>{s.label}</span>
                      <span data-testid={`count-${s.label}`}>{num(s.value)}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <p>
                <button type="button" onClick={() => download.mutate()} disabled={active || download.isPending}>
                  {chosen.size === 0 ? 'Download all rows (results.csv)' : `Download ${[...chosen].join(', ')} rows`}
                </button>
              </p>
              {active && <p className="muted">The download is ready once the batch has ended.</p>}
              {download.isError && <ErrorNote error={download.error} />}
            </div>
          </div>
        )}
        {rows.data && (
          <>
            <p role="status" className="muted">
              {num(rows.data.matching)} rows{chosen.size > 0 ? ` with status ${[...chosen].join(', ')}` : ''}
              {rows.data.matching > 0 ? `, showing ${num(offset + 1)}–${num(offset + rows.data.rows.length)}` : ''}
            </p>
            <TableWrap label="Result rows">
              <table>
                <caption className="sr-only">Result rows</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    {rows.data.columns.map((c, i) => (
                      <th scope="col" key={i}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.data.rows.map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      {r.cells.map((cell, i) => (
                        <td key={i}>{i === rows.data.status_column ? <StatusBadge status={cell} /> : cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p>
              <button
                type="button"
                className="secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                Previous page
              </button>{' '}
              <button
                type="button"
                className="secondary"
                disabled={rows.data.next_offset === null}
                onClick={() => setOffset(rows.data.next_offset ?? offset)}
              >
                Next page
              </button>
            </p>
          </>
        )}
      </section>
    </>
  );
}
