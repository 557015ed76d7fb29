import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { client, type Json, unwrap } from '../api';
import { ErrorNote, Loading, ShownOnce, StatusBadge, when, TableWrap } from '../ui';

type Endpoint = Json<'listWebhookEndpoints'>['data'][number];
type Delivery = Json<'listWebhookDeliveries'>['data'][number];
const EVENT_TYPES = ['batch.started', 'batch.completed', 'batch.failed', 'batch.item.completed', 'usage.threshold'] as const;
type EventType = (typeof EVENT_TYPES)[number];
const DELIVERY_STATUSES = ['pending', 'sending', 'succeeded', 'failed', 'cancelled'] as const;

function EndpointForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const ids = useId();
  const queries = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<Set<EventType>>(new Set(['batch.completed', 'batch.failed']));
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.POST('/api/v1/webhooks/endpoints', {
          body: { url, event_types: [...events], ...(description.trim() ? { description: description.trim() } : {}) },
        }),
      ),
    onSuccess: (created) => {
      onCreated(created.secret);
      setUrl('');
      setDescription('');
      void queries.invalidateQueries({ queryKey: ['endpoints'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Add an endpoint</h2>
      <label htmlFor={`${ids}-url`}>URL</label>
      <input
        id={`${ids}-url`}
        type="url"
        required
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        placeholder="https://example.com/hooks/sieve"
      />
      <label htmlFor={`${ids}-desc`}>Description (optional)</label>
      <input id={`${ids}-desc`} type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
      <fieldset>
        <legend>Events to send</legend>
        {EVENT_TYPES.map((t) => (
          <label className="inline" key={t}>
            <input
              type="checkbox"
              checked={events.has(t)}
              onChange={(e) => {
                const next = new Set(events);
                if (e.target.checked) next.add(t);
                else next.delete(t);
                setEvents(next);
              }}
            />
            {t}
          </label>
        ))}
      </fieldset>
      <p className="help">
        Each request is signed with the endpoint's secret (webhook-id, webhook-timestamp and webhook-signature headers), so your
        receiver can check it came from Sieve.
      </p>
      <button type="submit" disabled={create.isPending || events.size === 0}>
        Add the endpoint
      </button>
      {create.isError && <ErrorNote error={create.error} />}
    </form>
  );
}

function EndpointRow({ endpoint, onSecret }: { endpoint: Endpoint; onSecret: (secret: string) => void }) {
  const queries = useQueryClient();
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const path = { params: { path: { endpoint_id: endpoint.endpoint_id } } };
  const refresh = () => queries.invalidateQueries({ queryKey: ['endpoints'] });
  const rotate = useMutation({
    mutationFn: async () =>
      unwrap(await client.POST('/api/v1/webhooks/endpoints/{endpoint_id}/rotate-secret', { ...path, body: {} })),
    onSuccess: (r) => onSecret(r.secret),
    onSettled: () => setConfirm(null),
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await client.DELETE('/api/v1/webhooks/endpoints/{endpoint_id}', path)),
    onSettled: () => {
      setConfirm(null);
      void refresh();
    },
  });
  const enable = useMutation({
    mutationFn: async () => unwrap(await client.POST('/api/v1/webhooks/endpoints/{endpoint_id}/enable', path)),
    onSettled: () => void refresh(),
  });
  return (
    <tr>
      <td>
        <code>{endpoint.url}</code>
        {endpoint.description && <div className="muted">{endpoint.description}</div>}
      </td>
      <td>{endpoint.event_types.join(', ')}</td>
      <td>{endpoint.enabled ? 'enabled' : `disabled${endpoint.disabled_reason ? `: ${endpoint.disabled_reason}` : ''}`}</td>
      <td>
        {confirm ? (
          <span role="group" aria-label={`Confirm ${confirm}`}>
            {confirm === 'rotate' ? 'New secret? The old one keeps working for 24 hours. ' : 'Delete this endpoint? '}
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() => (confirm === 'rotate' ? rotate.mutate() : remove.mutate())}
            >
              Yes
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirm(null)}>
              No
            </button>
          </span>
        ) : (
          <>
            <button type="button" className="secondary" onClick={() => setConfirm('rotate')}>
              Rotate secret
            </button>{' '}
            {!endpoint.enabled && (
              <button type="button" className="secondary" onClick={() => enable.mutate()}>
                Enable
              </button>
            )}{' '}
            <button type="button" className="secondary" onClick={() => setConfirm('delete')}>
              Delete
            </button>
          </>
        )}
        {(rotate.isError || remove.isError || enable.isError) && (
          <ErrorNote error={rotate.error ?? remove.error ?? enable.error} />
        )}
      </td>
    </tr>
  );
}

function Attempts({ delivery }: { delivery: Delivery }) {
  if (delivery.attempt_log.length === 0) return <p className="muted">No attempt yet.</p>;
  return (
    <table>
      <caption className="sr-only">Attempts</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">When</th>
          <th scope="col">Trigger</th>
          <th scope="col">Answer</th>
          <th scope="col">Duration</th>
          <th scope="col">Response body</th>
        </tr>
      </thead>
      <tbody>
        {delivery.attempt_log.map((a) => (
          <tr key={a.attempt}>
            <td>{a.attempt}</td>
            <td>{when(a.started_at)}</td>
            <td>{a.trigger}</td>
            <td>{a.status_code ?? a.error ?? '—'}</td>
            <td>{a.duration_ms} ms</td>
            <td>{a.response_body ? <pre>{a.response_body.slice(0, 500)}</pre> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  const queries = useQueryClient();
  const retry = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.POST('/api/v1/webhooks/deliveries/{delivery_id}/retry', {
          params: { path: { delivery_id: delivery.delivery_id } },
        }),
      ),
    onSettled: () => void queries.invalidateQueries({ queryKey: ['deliveries'] }),
  });
  const retryable = ['failed', 'succeeded', 'cancelled'].includes(delivery.status);
  return (
    <li className="card" data-testid="delivery" data-status={delivery.status}>
      <p>
        <StatusBadge status={delivery.status} /> <strong>{delivery.event_type}</strong> to <code>{delivery.url}</code>
      </p>
      <p className="muted">
        {delivery.delivery_id} · created {when(delivery.created_at)} · {delivery.attempts} attempt(s)
        {delivery.last_status_code !== null ? ` · last answer ${delivery.last_status_code}` : ''}
        {delivery.last_error ? ` · ${delivery.last_error}` : ''}
        {delivery.next_attempt_at ? ` · next attempt ${when(delivery.next_attempt_at)}` : ''}
        {delivery.batch_id ? ` · batch ${delivery.batch_id}` : ''}
      </p>
      <details>
        <summary>Attempts ({delivery.attempt_log.length})</summary>
        <Attempts delivery={delivery} />
      </details>
      {retryable && (
        <button type="button" className="secondary" onClick={() => retry.mutate()} disabled={retry.isPending}>
          Retry
        </button>
      )}
      {retry.isError && <ErrorNote error={retry.error} />}
    </li>
  );
}

/** Counts the failed deliveries of an endpoint created since a time (what recover will send again). */
async function countFailedSince(endpointId: string, since: Date): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const body = unwrap(
      await client.GET('/api/v1/webhooks/deliveries', {
        params: { query: { limit: 200, endpoint_id: endpointId, status: 'failed', ...(cursor ? { cursor } : {}) } },
      }),
    );
    for (const d of body.data) if (new Date(d.created_at) >= since) n++;
    const next = (body as { next_cursor?: string | null }).next_cursor;
    const oldest = body.data[body.data.length - 1];
    if (!next || !oldest || new Date(oldest.created_at) < since) break;
    cursor = next;
  }
  return n;
}

function Recover({ endpoints }: { endpoints: Endpoint[] }) {
  const ids = useId();
  const queries = useQueryClient();
  const [picked, setEndpointId] = useState('');
  // The first endpoint until one is picked (the list may have been empty when this was first shown).
  const endpointId = endpoints.some((e) => e.endpoint_id === picked) ? picked : (endpoints[0]?.endpoint_id ?? '');
  const [since, setSince] = useState(() => new Date(Date.now() - 86_400_000).toISOString().slice(0, 16));
  const [count, setCount] = useState<number | null>(null);
  const sinceDate = () => new Date(`${since}:00Z`);
  const look = useMutation({ mutationFn: () => countFailedSince(endpointId, sinceDate()), onSuccess: setCount });
  const recover = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.POST('/api/v1/webhooks/endpoints/{endpoint_id}/recover', {
          params: { path: { endpoint_id: endpointId } },
          body: { since: sinceDate().toISOString() },
        }),
      ),
    onSuccess: () => {
      setCount(null);
      void queries.invalidateQueries({ queryKey: ['deliveries'] });
    },
  });
  if (endpoints.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Recover failed deliveries</h2>
      <div className="row">
        <div>
          <label htmlFor={`${ids}-ep`}>Endpoint</label>
          <select id={`${ids}-ep`} value={endpointId} onChange={(e) => (setEndpointId(e.target.value), setCount(null))}>
            {endpoints.map((e) => (
              <option key={e.endpoint_id} value={e.endpoint_id}>
                {e.url}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-since`}>Failed since (UTC)</label>
          <input
            id={`${ids}-since`}
            type="datetime-local"
            value={since}
            onChange={(e) => (setSince(e.target.value), setCount(null))}
          />
        </div>
        <div>
          <button type="button" className="secondary" onClick={() => look.mutate()} disabled={look.isPending}>
            Count them
          </button>
        </div>
      </div>
      {count !== null && (
        <p role="status">
          {count === 0 ? (
            'No failed delivery of that endpoint since then: nothing to resend.'
          ) : (
            <>
              {count} failed deliver{count === 1 ? 'y' : 'ies'} will be sent again, one attempt each.{' '}
              <button type="button" onClick={() => recover.mutate()} disabled={recover.isPending}>
                Resend {count}
              </button>
            </>
          )}
        </p>
      )}
      {recover.data && <p role="status">{recover.data.recovered} sent again.</p>}
      {(look.isError || recover.isError) && <ErrorNote error={look.error ?? recover.error} />}
    </section>
  );
}

export default function Webhooks() {
  const [secret, setSecret] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const filters = {
    endpoint_id: params.get('endpoint') ?? '',
    status: params.get('status') ?? '',
    batch_id: params.get('batch') ?? '',
  };
  const setFilter = (name: 'endpoint' | 'status' | 'batch', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const endpoints = useQuery({
    queryKey: ['endpoints'],
    queryFn: async () => unwrap(await client.GET('/api/v1/webhooks/endpoints')),
  });
  const deliveries = useQuery({
    queryKey: ['deliveries', filters],
    queryFn: async () =>
      unwrap(
        await client.GET('/api/v1/webhooks/deliveries', {
          params: {
            query: {
              limit: 50,
              ...(filters.endpoint_id ? { endpoint_id: filters.endpoint_id } : {}),
              ...(filters.status ? { status: filters.status as (typeof DELIVERY_STATUSES)[number] } : {}),
              ...(filters.batch_id ? { batch_id: filters.batch_id } : {}),
            },
          },
        }),
      ),
    refetchInterval: 3000,
  });
  return (
    <>
      <h1>Webhooks</h1>
      <section className="card" aria-labelledby="endpoints-h">
        <h2 id="endpoints-h">Endpoints</h2>
        {secret && <ShownOnce title="Signing secret" value={secret} />}
        {endpoints.isPending && <Loading />}
        {endpoints.isError && <ErrorNote error={endpoints.error} />}
        {endpoints.data && endpoints.data.data.length === 0 && <p>No endpoint yet: add one below.</p>}
        {endpoints.data && endpoints.data.data.length > 0 && (
          <TableWrap label="Endpoints">
            <table>
              <thead>
                <tr>
                  <th scope="col">URL</th>
                  <th scope="col">Events</th>
                  <th scope="col">State</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {endpoints.data.data.map((e) => (
                  <EndpointRow key={e.endpoint_id} endpoint={e} onSecret={setSecret} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <EndpointForm onCreated={setSecret} />
      </section>
      {endpoints.data && <Recover endpoints={endpoints.data.data} />}
      <section aria-labelledby="deliveries-h">
        <h2 id="deliveries-h">Deliveries</h2>
        <div className="row card">
          <div>
            <label htmlFor="f-endpoint">Endpoint</label>
            <select id="f-endpoint" value={filters.endpoint_id} onChange={(e) => setFilter('endpoint', e.target.value)}>
              <option value="">All</option>
              {endpoints.data?.data.map((e) => (
                <option key={e.endpoint_id} value={e.endpoint_id}>
                  {e.url}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-status">Status</label>
            <select id="f-status" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
              <option value="">All</option>
              {DELIVERY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-batch">Batch id</label>
            <input
              id="f-batch"
              type="text"
              value={filters.batch_id}
              onChange={(e) => setFilter('batch', e.target.value.trim())}
              placeholder="bat_…"
            />
          </div>
        </div>
        {deliveries.isError && <ErrorNote error={deliveries.error} />}
        {deliveries.data && deliveries.data.data.length === 0 && <p>No delivery matches.</p>}
        <ul className="plain" aria-label="Deliveries">
          {deliveries.data?.data.map((d) => (
            <DeliveryRow key={d.delivery_id} delivery={d} />
          ))}
        </ul>
      </section>
    </>
  );
}
