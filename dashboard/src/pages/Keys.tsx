import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, type Json, unwrap } from '../api';
import { ErrorNote, Loading, ShownOnce, when, TableWrap } from '../ui';

type Key = Json<'listKeys'>['data'][number];

function KeyRow({ k }: { k: Key }) {
  const queries = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const revoke = useMutation({
    mutationFn: async () => unwrap(await client.DELETE('/api/v1/keys/{key_id}', { params: { path: { key_id: k.key_id } } })),
    onSettled: () => {
      setConfirm(false);
      void queries.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  return (
    <tr data-testid="key-row" data-key-id={k.key_id}>
      <td>
        <code>{k.prefix}…</code>
        {k.current && <span className="muted"> (this session)</span>}
      </td>
      <td>{k.name ?? '—'}</td>
      <td>{when(k.created_at)}</td>
      <td>{when(k.last_used_at)}</td>
      <td>
        {k.revoked_at ? (
          `revoked ${when(k.revoked_at)}`
        ) : confirm ? (
          <span role="group" aria-label="Confirm revoking">
            Revoke {k.prefix}…? It stops working at once.{' '}
            <button type="button" className="danger" onClick={() => revoke.mutate()} autoFocus>
              Yes, revoke
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirm(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirm(true)} aria-label={`Revoke ${k.prefix}`}>
            Revoke
          </button>
        )}
        {revoke.isError && <ErrorNote error={revoke.error} />}
      </td>
    </tr>
  );
}

export default function Keys() {
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const keys = useQuery({ queryKey: ['keys'], queryFn: async () => unwrap(await client.GET('/api/v1/keys')) });
  const create = useMutation({
    mutationFn: async () => unwrap(await client.POST('/api/v1/keys', { body: name.trim() ? { name: name.trim() } : {} })),
    onSuccess: () => {
      setName('');
      void queries.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <h1>API keys</h1>
      <section className="card" aria-labelledby="new-key-h">
        <h2 id="new-key-h">Create a key</h2>
        <form onSubmit={submit} className="row">
          <div>
            <label htmlFor="key-name">Name (optional)</label>
            <input id="key-name" type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="CRM import" />
          </div>
          <div>
            <button type="submit" disabled={create.isPending}>
              Create key
            </button>
          </div>
        </form>
        {create.data && <ShownOnce title="New API key" value={create.data.api_key} />}
        {create.isError && <ErrorNote error={create.error} />}
      </section>
      <section className="card" aria-labelledby="keys-h">
        <h2 id="keys-h">Your keys</h2>
        {keys.isPending && <Loading />}
        {keys.isError && <ErrorNote error={keys.error} />}
        {keys.data && (
          <TableWrap label="Your keys">
            <table>
              <thead>
                <tr>
                  <th scope="col">Prefix</th>
                  <th scope="col">Name</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.data.map((k) => (
                  <KeyRow key={k.key_id} k={k} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
