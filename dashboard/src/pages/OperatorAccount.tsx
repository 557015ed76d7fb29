import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../api';
import { ErrorNote, Loading, num, ShownOnce, when, TableWrap } from '../ui';

export default function OperatorAccount() {
  const { accountId = '' } = useParams();
  const queries = useQueryClient();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [keyName, setKeyName] = useState('');
  const [confirm, setConfirm] = useState<string | null>(null);
  const path = { params: { path: { account_id: accountId } } };
  const account = useQuery({
    queryKey: ['operator', 'account', accountId],
    queryFn: async () => unwrap(await client.GET('/admin/v1/accounts/{account_id}', path)),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['operator'] });
  const grant = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.POST('/admin/v1/accounts/{account_id}/credits', {
          ...path,
          body: { amount: Number(amount), ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      ),
    onSuccess: () => {
      setAmount('');
      setReason('');
      void refresh();
    },
  });
  const newKey = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.POST('/admin/v1/accounts/{account_id}/keys', {
          ...path,
          body: keyName.trim() ? { name: keyName.trim() } : {},
        }),
      ),
    onSuccess: () => {
      setKeyName('');
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: async (keyId: string) =>
      unwrap(await client.DELETE('/admin/v1/keys/{key_id}', { params: { path: { key_id: keyId } } })),
    onSettled: () => {
      setConfirm(null);
      void refresh();
    },
  });
  const onGrant = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate();
  };
  const onKey = (e: FormEvent) => {
    e.preventDefault();
    newKey.mutate();
  };
  if (account.isPending) return <Loading />;
  if (account.isError) return <ErrorNote error={account.error} />;
  const a = account.data;
  return (
    <>
      <p>
        <Link to="/operator">All accounts</Link>
      </p>
      <h1>{a.name ?? a.account_id}</h1>
      <p className="muted">
        {a.account_id} · created {when(a.created_at)}
      </p>
      <section className="card" aria-labelledby="credits-h">
        <h2 id="credits-h">Credits</h2>
        <p className="figure" data-testid="operator-credits">
          {num(a.credits_remaining)}
        </p>
        <form onSubmit={onGrant} className="row">
          <div>
            <label htmlFor="grant-amount">Credits to grant</label>
            <input id="grant-amount" type="number" min={1} required value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
          <div>
            <label htmlFor="grant-reason">Reason (optional)</label>
            <input
              id="grant-reason"
              type="text"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Invoice 2041"
            />
          </div>
          <div>
            <button type="submit" disabled={grant.isPending}>
              Grant credits
            </button>
          </div>
        </form>
        {grant.data && <p role="status">Granted: the account now has {num(grant.data.credits_remaining)} credits.</p>}
        {grant.isError && <ErrorNote error={grant.error} />}
      </section>
      <section className="card" aria-labelledby="keys-h">
        <h2 id="keys-h">API keys</h2>
        <form onSubmit={onKey} className="row">
          <div>
            <label htmlFor="op-key-name">Name of a new key (optional)</label>
            <input id="op-key-name" type="text" value={keyName} onChange={(e) => setKeyName(e.target.value)} />
          </div>
          <div>
            <button type="submit" disabled={newKey.isPending}>
              Create key
            </button>
          </div>
        </form>
        {newKey.data && <ShownOnce title="New API key" value={newKey.data.api_key} />}
        {newKey.isError && <ErrorNote error={newKey.error} />}
        <TableWrap label="Keys of the account">
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
              {a.keys.map((k) => (
                <tr key={k.key_id}>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{k.name ?? '—'}</td>
                  <td>{when(k.created_at)}</td>
                  <td>{when(k.last_used_at)}</td>
                  <td>
                    {k.revoked_at ? (
                      `revoked ${when(k.revoked_at)}`
                    ) : confirm === k.key_id ? (
                      <span role="group" aria-label="Confirm revoking">
                        Revoke it?{' '}
                        <button type="button" className="danger" autoFocus onClick={() => revoke.mutate(k.key_id)}>
                          Yes, revoke
                        </button>{' '}
                        <button type="button" className="secondary" onClick={() => setConfirm(null)}>
                          Keep it
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setConfirm(k.key_id)}
                        aria-label={`Revoke ${k.prefix}`}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {revoke.isError && <ErrorNote error={revoke.error} />}
      </section>
    </>
  );
}
