import { useQuery } from '@tanstack/react-query';
import { client, SieveApiError, setCsrfToken, unwrap, type Json } from './api';

export type SessionInfo = Json<'getSession'>;

/** The session of this browser's cookie, or null when signed out. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<SessionInfo | null> => {
      try {
        const session = unwrap(await client.GET('/auth/v1/session'));
        setCsrfToken(session.csrf_token);
        return session;
      } catch (error) {
        if (error instanceof SieveApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
