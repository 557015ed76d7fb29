import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { UsageChart } from '../charts';
import { day, ErrorNote, Loading, num, StatusBadge, when, TableWrap } from '../ui';

const DAYS = 30;

/** The last DAYS UTC days, oldest first, with the ledger's figure for each (0 on quiet days). */
function fillDays(daily: { day: string; credits_used: number }[]) {
  const byDay = new Map(daily.map((d) => [d.day, d.credits_used]));
  const labels: string[] = [];
  const values: number[] = [];
  const today = new Date();
  for (let i = DAYS - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
    const iso = d.toISOString().slice(0, 10);
    labels.push(day(iso));
    values.push(byDay.get(iso) ?? 0);
  }
  return { labels, values };
}

export default function Overview() {
  const usage = useQuery({
    queryKey: ['usage', DAYS],
    queryFn: async () => unwrap(await client.GET('/api/v1/account/usage', { params: { query: { days: DAYS } } })),
  });
  const batches = useQuery({
    queryKey: ['batches', 'recent'],
    queryFn: async () => unwrap(await client.GET('/api/v1/batches', { params: { query: { limit: 10 } } })),
    refetchInterval: (q) => (q.state.data?.data.some((b) => b.status === 'queued' || b.status === 'processing') ? 3000 : false),
  });
  return (
    <>
      <h1>Overview</h1>
      <div className="grid">
        <section className="card" aria-labelledby="credits-h">
          <h2 id="credits-h">Credits remaining</h2>
          {usage.data ? (
            <p className="figure" data-testid="credits-remaining">
              {num(usage.data.credits_remaining)}
            </p>
          ) : usage.isError ? (
            <ErrorNote error={usage.error} />
          ) : (
            <Loading />
          )}
          <p className="muted">One credit for each distinct number or address checked.</p>
        </section>
        <section className="card" aria-labelledby="used-h">
          <h2 id="used-h">Used in the last {DAYS} days</h2>
          <p className="figure">{usage.data ? num(usage.data.credits_used) : '…'}</p>
          <p>
            <Link to="/new">Check a new list</Link>
          </p>
        </section>
      </div>
      <section className="card" aria-labelledby="chart-h">
        <h2 id="chart-h">Credits used per day</h2>
        {usage.data && <UsageChart {...fillDays(usage.data.daily)} />}
      </section>
      <section className="card" aria-labelledby="recent-h">
        <h2 id="recent-h">Recent batches</h2>
        {batches.isError && <ErrorNote error={batches.error} />}
        {batches.data && batches.data.data.length === 0 && (
          <p>
            No batch yet. <Link to="/new">Drop a file or paste a list</Link> to start one.
          </p>
        )}
        {batches.data && batches.data.data.length > 0 && (
          <TableWrap label="Recent batches">
            <table>
              <thead>
                <tr>
                  <th scope="col">Batch</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {batches.data.data.map((b) => (
                  <tr key={b.batch_id}>
                    <td>
                      <Link to={`/batches/${b.batch_id}`}>{b.file_name ?? b.batch_id}</Link>
                    </td>
                    <td>{b.kind}</td>
                    <td>
                      <StatusBadge status={b.status} />
                    </td>
                    <td>
                      {num(b.processed)} / {num(b.total)}
                    </td>
                    <td>{when(b.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
