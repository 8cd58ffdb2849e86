// Who is signed in. The server enforces every permission; the page only hides what would be refused anyway.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth.ts';
import { onUnauthorized } from '../api/client.ts';

type AuthState = { kind: 'loading' } | { kind: 'anonymous'; expired: boolean } | { kind: 'signed-in'; me: authApi.Me };

interface AuthContextValue {
  state: AuthState;
  logIn: (username: string, password: string) => Promise<authApi.Me>;
  logOut: () => Promise<void>;
  refresh: () => Promise<void>;
  can: (permission: string) => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setState({ kind: 'signed-in', me: await authApi.fetchMe() });
    } catch {
      setState({ kind: 'anonymous', expired: false });
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthorized(() => setState({ kind: 'anonymous', expired: true }));
  }, [refresh]);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      refresh,
      logIn: async (username, password) => {
        const me = await authApi.logIn(username, password);
        setState({ kind: 'signed-in', me });
        return me;
      },
      logOut: async () => {
        try {
          await authApi.logOut();
        } finally {
          setState({ kind: 'anonymous', expired: false });
        }
      },
      can: (permission) => state.kind === 'signed-in' && state.me.permissions.includes(permission),
    }),
    [state, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only inside the signed-in layout. */
export function useMe(): authApi.Me {
  const { state } = useAuth();
  if (state.kind !== 'signed-in') throw new Error('useMe without a session');
  return state.me;
}
