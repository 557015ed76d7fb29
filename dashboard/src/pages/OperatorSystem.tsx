import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api';
import { ErrorNote, Loading, num } from '../ui';

export default function OperatorSystem() {
  const system = useQuery({
    queryKey: ['operator', 'system'],
    queryFn: async () => unwrap(await client.GET('/admin/v1/system')),
    refetchInterval: 5000,
  });
  if (system.isPending) return <Loading />;
  if (system.isError) return <ErrorNote error={system.error} />;
  const s = system.data;
  return (
    <>
      <h1>System</h1>
      <div className="grid">
        {(
          [
            ['Jobs waiting', s.jobs_queued],
            ['Jobs running', s.jobs_active],
            ['Live workers', s.workers],
            ['Deliveries waiting', s.deliveries_pending],
            ['Deliveries being sent', s.deliveries_sending],
          ] as const
        ).map(([label, value]) => (
          <section className="card" key={label} aria-label={label}>
            <h2>{label}</h2>
            <p className="figure">{num(value)}</p>
          </section>
        ))}
      </div>
      <section className="card" aria-labelledby="queues-h">
        <h2 id="queues-h">Queues</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Waiting</th>
              <th scope="col">Running</th>
            </tr>
          </thead>
          <tbody>
            {s.queues.map((q) => (
              <tr key={q.queue}>
                <td>{q.queue}</td>
                <td>{num(q.queued)}</td>
                <td>{num(q.active)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Refreshed every 5 seconds. Workers count while their heartbeat is fresh (WORKER_LOST_SECONDS).</p>
      </section>
    </>
  );
}
