import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, setCsrfToken, unwrap } from './api';
import { ErrorNote } from './ui';

/** Paste a key: the server answers with an HttpOnly cookie, and the key leaves the page at once. */
export function SignIn() {
  const queries = useQueryClient();
  const [token, setToken] = useState('');
  const signIn = useMutation({
    mutationFn: async (value: string) => unwrap(await client.POST('/auth/v1/session', { body: { token: value } })),
    onSuccess: (session) => {
      setCsrfToken(session.csrf_token);
      queries.setQueryData(['session'], session);
    },
    onSettled: () => setToken(''),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) signIn.mutate(token.trim());
  };
  return (
    <main id="main" className="signin">
      <h1>Sign in to Sieve</h1>
      <form onSubmit={submit}>
        <label htmlFor="token">API key or operator token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby="token-help"
          required
        />
        <p id="token-help" className="help">
          Paste an API key (it starts with <code>sv_live_</code>), or the operator's ADMIN_TOKEN. The key is sent once; this
          browser keeps only a session cookie, which ends when you sign out.
        </p>
        <button type="submit" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>
      {signIn.isError && <ErrorNote error={signIn.error} />}
    </main>
  );
}
