import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { ErrorNote, Loading, num, ShownOnce, when, TableWrap } from '../ui';

export default function OperatorAccounts() {
  const queries = useQueryClient();
  const [search, setSearch] = useState('');
  const [name, setName] = useState('');
  const [credits, setCredits] = useState('0');
  const accounts = useInfiniteQuery({
    queryKey: ['operator', 'accounts'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await client.GET('/admin/v1/accounts', {
          params: { query: { limit: 200, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await client.POST('/admin/v1/accounts', {
          body: { ...(name.trim() ? { name: name.trim() } : {}), credits: Number(credits) || 0 },
        }),
      ),
    onSuccess: () => {
      setName('');
      setCredits('0');
      void queries.invalidateQueries({ queryKey: ['operator', 'accounts'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const needle = search.trim().toLowerCase();
  const all = accounts.data?.pages.flatMap((p) => p.data) ?? [];
  const shown = needle ? all.filter((a) => a.account_id.includes(needle) || (a.name ?? '').toLowerCase().includes(needle)) : all;
  return (
    <>
      <h1>Accounts</h1>
      <section className="card" aria-labelledby="create-h">
        <h2 id="create-h">Create an account</h2>
        <form onSubmit={submit} className="row">
          <div>
            <label htmlFor="acc-name">Name</label>
            <input id="acc-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div>
            <label htmlFor="acc-credits">Credits to start with</label>
            <input id="acc-credits" type="number" min={0} value={credits} onChange={(e) => setCredits(e.target.value)} />
          </div>
          <div>
            <button type="submit" disabled={create.isPending}>
              Create account
            </button>
          </div>
        </form>
        {create.data && (
          <>
            <p role="status">
              Created <Link to={`/operator/accounts/${create.data.account_id}`}>{create.data.account_id}</Link>.
            </p>
            <ShownOnce title="Its first API key" value={create.data.api_key} />
          </>
        )}
        {create.isError && <ErrorNote error={create.error} />}
      </section>
      <section className="card" aria-labelledby="list-h">
        <h2 id="list-h">All accounts</h2>
        <label htmlFor="acc-search">Search by name or id</label>
        <input id="acc-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        {accounts.isPending && <Loading />}
        {accounts.isError && <ErrorNote error={accounts.error} />}
        <p role="status" className="muted">
          {num(shown.length)} account(s){accounts.hasNextPage ? ' loaded so far' : ''}
        </p>
        <TableWrap label="All accounts">
          <table>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Name</th>
                <th scope="col">Credits</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.account_id}>
                  <td>
                    <Link to={`/operator/accounts/${a.account_id}`}>{a.account_id}</Link>
                  </td>
                  <td>{a.name ?? '—'}</td>
                  <td>{num(a.credits_remaining)}</td>
                  <td>{when(a.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {accounts.hasNextPage && (
          <button type="button" className="secondary" onClick={() => void accounts.fetchNextPage()}>
            Load more
          </button>
        )}
      </section>
    </>
  );
}
