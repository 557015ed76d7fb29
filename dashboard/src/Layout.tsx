import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { client, setCsrfToken, unwrap } from './api';
import type { SessionInfo } from './session';

const CUSTOMER = [
  { to: '/', label: 'Overview' },
  { to: '/new', label: 'New check' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/keys', label: 'API keys' },
];
const OPERATOR = [
  { to: '/operator', label: 'Accounts' },
  { to: '/operator/system', label: 'System' },
];

export function Layout({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const queries = useQueryClient();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a move to another page, focus goes to the page (screen readers then read its heading).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  const signOut = useMutation({
    mutationFn: async () => unwrap(await client.DELETE('/auth/v1/session')),
    onSettled: () => {
      setCsrfToken('');
      // The session query stays (its observers then see null and show the sign-in); the account's data goes.
      queries.setQueryData(['session'], null);
      queries.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
  const links = session.kind === 'operator' ? OPERATOR : CUSTOMER;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Sieve</span>
        <nav aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">{session.kind === 'operator' ? 'Operator' : session.account_id}</span>
        <button type="button" className="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
