import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { client, type Json, unwrap } from '../api';
import { ErrorNote, Loading, ShownOnce, StatusBadge, when, TableWrap } from '../ui';

type Endpoint = Json<'listWebhookEndpoints'>['data'][number];
type Delivery = Json<'listWebhookDeliveries'>['data'][number];
const EVENT_TYPES = [
  'validation.completed',
  'batch.started',
  'batch.completed',
  'batch.failed',
  'batch.item.completed',
  'usage.threshold',
] as const;
type EventType = (typeof EVENT_TYPES)[number];
const DELIVERY_STATUSES = ['pending', 'sending', 'succeeded', 'failed', 'cancelled'] as const;

/** Each format as the endpoint's receiver sees it (the API's own description of the formats, in short). */
const FORMATS = [
  {
    id: 'standard',
    name: 'Standard',
    signs: true,
    rows: [
      ['Body', '{id, type, created, data}: one event'],
      ['Signature', 'Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) and X-Webhook-Signature: sha256=<hex>'],
      ['Retries', 'after 1 min, 5 min, 30 min, 2 h; 15 s to answer'],
    ],
  },
  {
    id: 'lookup',
    name: 'Per-lookup callbacks',
    signs: false,
    rows: [
      ['Body', 'one POST per item: {contact, request_id, webhook_id, result_v1}'],
      ['Signature', 'none: add your own Authorization header below and check it'],
      ['Retries', '10 × 30 s, 10 × 3 min, 10 × 15 min; 15 s to answer'],
    ],
  },
  {
    id: 'events',
    name: 'Account events',
    signs: true,
    rows: [
      ['Body', '{id, type, created, data}: one event'],
      ['Signature', 'hex HMAC-SHA256 of the body in the signature header (X-Signature unless set)'],
      ['Retries', 'after 1 min, 5 min, 30 min, 2 h; 30 s to answer; https:// only'],
    ],
  },
  {
    id: 'verification',
    name: 'Verification tasks',
    signs: true,
    rows: [
      ['Body', '{event_type, task_id, completed_at, data}: data.job per item, data.stats and data.jobs at the end'],
      ['Signature', 'X-Webhook-Signature: sha256=<hex>'],
      ['Retries', 'after 1 min, 5 min, 30 min, 2 h; 15 s to answer; https:// only'],
    ],
  },
] as const;
type FormatId = (typeof FORMATS)[number]['id'];
const formatSigns = (format: string) => FORMATS.find((f) => f.id === format)?.signs ?? true;

interface HeaderRow {
  name: string;
  value: string;
}

/** Add (no endpoint given) or change an endpoint: URL, format, events, extra headers (values write-only). */
function EndpointEditor({
  endpoint,
  onSaved,
  onCancel,
}: {
  endpoint?: Endpoint;
  onSaved: (secret: string | null) => void;
  onCancel?: () => void;
}) {
  const ids = useId();
  const queries = useQueryClient();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [format, setFormat] = useState<FormatId>((endpoint?.format as FormatId | undefined) ?? 'standard');
  const [events, setEvents] = useState<Set<EventType>>(
    new Set((endpoint?.event_types as EventType[] | undefined) ?? ['batch.completed', 'batch.failed']),
  );
  const [signatureHeader, setSignatureHeader] = useState(endpoint?.signature_header ?? '');
  const kept = Object.keys(endpoint?.headers ?? {});
  // A new endpoint sets its headers; an existing one keeps its own unless they are replaced (values are never shown).
  const [replaceHeaders, setReplaceHeaders] = useState(!endpoint);
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const save = useMutation({
    mutationFn: async () => {
      const given = Object.fromEntries(headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value]));
      const common = {
        url,
        event_types: [...events],
        format,
        ...(format === 'events' && signatureHeader.trim() ? { signature_header: signatureHeader.trim() } : {}),
      };
      if (!endpoint) {
        const created = unwrap(
          await client.POST('/api/v1/webhooks/endpoints', {
            body: { ...common, headers: given, ...(description.trim() ? { description: description.trim() } : {}) },
          }),
        );
        return formatSigns(created.format) ? created.secret : null;
      }
      unwrap(
        await client.PATCH('/api/v1/webhooks/endpoints/{endpoint_id}', {
          params: { path: { endpoint_id: endpoint.endpoint_id } },
          body: {
            ...common,
            description: description.trim() || null,
            ...(format !== 'events' ? { signature_header: null } : {}),
            ...(replaceHeaders ? { headers: given } : {}),
          },
        }),
      );
      return null;
    },
    onSuccess: (secret) => {
      onSaved(secret);
      if (!endpoint) {
        setUrl('');
        setDescription('');
        setHeaders([]);
      }
      void queries.invalidateQueries({ queryKey: ['endpoints'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const chosen = FORMATS.find((f) => f.id === format) ?? FORMATS[0];
  return (
    <form onSubmit={submit} aria-labelledby={`${ids}-h`} className={endpoint ? 'card' : undefined}>
      <h2 id={`${ids}-h`}>{endpoint ? `Edit ${endpoint.url}` : 'Add an endpoint'}</h2>
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
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label className="inline" key={f.id}>
            <input type="radio" name={`${ids}-format`} value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            {f.name} (<code>{f.id}</code>)
          </label>
        ))}
        <table className="format-table" aria-label={`What the ${chosen.name} format sends`}>
          <tbody>
            {chosen.rows.map(([what, how]) => (
              <tr key={what}>
                <th scope="row">{what}</th>
                <td>{how}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {format === 'events' && (
          <>
            <label htmlFor={`${ids}-sig`}>Signature header (optional)</label>
            <input
              id={`${ids}-sig`}
              type="text"
              value={signatureHeader}
              onChange={(e) => setSignatureHeader(e.target.value)}
              placeholder="X-Signature"
            />
          </>
        )}
      </fieldset>
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
      <fieldset>
        <legend>Extra headers</legend>
        <p className="help">
          Sent with every delivery (an Authorization your receiver checks, say). Values are write-only: Sieve never shows them
          again.
        </p>
        {endpoint && (
          <label className="inline">
            <input type="checkbox" checked={replaceHeaders} onChange={(e) => setReplaceHeaders(e.target.checked)} />
            Replace the current headers{kept.length > 0 ? ` (${kept.join(', ')})` : ' (none)'}
          </label>
        )}
        {replaceHeaders && (
          <>
            {headers.map((h, i) => (
              <div className="row" key={i}>
                <div>
                  <label htmlFor={`${ids}-hn${i}`}>Header name</label>
                  <input
                    id={`${ids}-hn${i}`}
                    type="text"
                    value={h.name}
                    onChange={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                  />
                </div>
                <div>
                  <label htmlFor={`${ids}-hv${i}`}>Value</label>
                  <input
                    id={`${ids}-hv${i}`}
                    type="password"
                    autoComplete="off"
                    value={h.value}
                    onChange={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                  />
                </div>
                <div>
                  <button type="button" className="secondary" onClick={() => setHeaders(headers.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </div>
              </div>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => setHeaders([...headers, { name: '', value: '' }])}
              disabled={headers.length >= 10}
            >
              Add a header
            </button>
          </>
        )}
      </fieldset>
      <button type="submit" disabled={save.isPending || events.size === 0}>
        {endpoint ? 'Save changes' : 'Add the endpoint'}
      </button>{' '}
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
      {save.isError && <ErrorNote error={save.error} />}
    </form>
  );
}

function EndpointRow({ endpoint, onSecret }: { endpoint: Endpoint; onSecret: (secret: string | null) => void }) {
  const queries = useQueryClient();
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const [editing, setEditing] = useState(false);
  const headerNames = Object.keys(endpoint.headers);
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
  // A real delivery made by the server now, in the endpoint's format; its attempt is the answer.
  const test = useMutation({
    mutationFn: async () => unwrap(await client.POST('/api/v1/webhooks/endpoints/{endpoint_id}/test', path)),
    onSettled: () => void queries.invalidateQueries({ queryKey: ['deliveries'] }),
  });
  if (editing) {
    return (
      <tr>
        <td colSpan={5}>
          <EndpointEditor endpoint={endpoint} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>
        <code>{endpoint.url}</code>
        {endpoint.description && <div className="muted">{endpoint.description}</div>}
        {headerNames.length > 0 && <div className="muted">headers: {headerNames.join(', ')} (values hidden)</div>}
      </td>
      <td>{endpoint.format}</td>
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
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Edit
            </button>{' '}
            {formatSigns(endpoint.format) && (
              <button type="button" className="secondary" onClick={() => setConfirm('rotate')}>
                Rotate secret
              </button>
            )}{' '}
            {!endpoint.enabled && (
              <button type="button" className="secondary" onClick={() => enable.mutate()}>
                Enable
              </button>
            )}{' '}
            <button type="button" className="secondary" onClick={() => setConfirm('delete')}>
              Delete
            </button>{' '}
            <button type="button" className="secondary" disabled={test.isPending} onClick={() => test.mutate()}>
              {test.isPending ? 'Sending…' : 'Send test event'}
            </button>
          </>
        )}
        {test.data && (
          <p role="status" data-testid="test-result" data-status={test.data.status}>
            Test {test.data.event_type}: {test.data.status}
            {test.data.attempt.status_code !== null ? `, HTTP ${test.data.attempt.status_code}` : ''}
            {test.data.attempt.error ? `, ${test.data.attempt.error}` : ''} in {test.data.attempt.duration_ms} ms
            {test.data.attempt.response_body ? (
              <>
                {' '}
                — <code>{test.data.attempt.response_body.slice(0, 200)}</code>
              </>
            ) : null}
          </p>
        )}
        {(rotate.isError || remove.isError || enable.isError || test.isError) && (
          <ErrorNote error={rotate.error ?? remove.error ?? enable.error ?? test.error} />
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
                  <th scope="col">Format</th>
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
        <EndpointEditor onSaved={setSecret} />
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
