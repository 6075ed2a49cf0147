import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Role } from '../../common/roles.ts';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import type { MeView as Me } from '../../server/modules/accounts/accounts.schemas.ts';
import { applyLanguage, readLangCookie } from '../i18n/index.ts';

interface AuthState {
  me: Me | null;
  loading: boolean;
  /** `household.create` matches a policy named `household` or `territory.household`. */
  can: (permission: string) => boolean;
  hasRole: (...roles: Role[]) => boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export const ME_KEY = ['me'];

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
  const me = meQuery.data ?? null;

  const permissions = useMemo(() => new Set(me?.permissions ?? []), [me]);
  const can = useCallback(
    (permission: string) => permissions.has(permission),
    [permissions],
  );
  const hasRole = useCallback((...roles: Role[]) => !!me?.assignments.some((a) => roles.includes(a.role)), [me]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { csrfToken } = await api.post<{ csrfToken: string }>('/auth/login', { username, password });
      setCsrfToken(csrfToken);
      const fresh = await fetchMe();
      // A language chosen on the sign-in page wins over the stored setting and is saved.
      const chosen = readLangCookie();
      if (fresh && chosen && chosen !== fresh.user.locale) {
        await api.patch('/me', { locale: chosen }).catch(() => undefined);
        fresh.user.locale = chosen;
      } else if (fresh && !chosen) {
        // Texts that cannot be fetched leave the page in the language it is in.
        await applyLanguage(fresh.user.locale).catch(() => undefined);
      }
      // Drop what the previous user saw, but keep the `me` query its observers are attached to.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(ME_KEY, fresh);
    },
    [qc],
  );

  const logout = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    qc.setQueryData(ME_KEY, null);
  }, [qc]);

  const value = useMemo<AuthState>(
    () => ({ me, loading: meQuery.isLoading, can, hasRole, login, logout }),
    [me, meQuery.isLoading, can, hasRole, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
