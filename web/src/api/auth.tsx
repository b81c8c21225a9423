import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import { api, post, setUnauthorizedHandler, tokenStore } from './client';
import type { User } from './types';

type LoginResult = { token: string; expiresAt: string; user: User };

type Auth = {
  /** undefined while a stored token is being checked against /me. */
  user: User | null | undefined;
  login: (login: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<User | null | undefined>(() => (tokenStore.get() ? undefined : null));

  const forget = useCallback(() => {
    tokenStore.clear();
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(forget);
    if (!tokenStore.get()) return;
    api<User>('/me').then(setUser, forget);
  }, [forget]);

  const value = useMemo<Auth>(
    () => ({
      user,
      async login(login, password) {
        const result = await api<LoginResult>('/auth/login', {
          method: 'POST',
          body: { login, password },
          anonymous: true,
        });
        tokenStore.set(result.token);
        queryClient.clear();
        setUser(result.user);
        return result.user;
      },
      async logout() {
        // The session is gone locally whatever the server says; a lost logout must not trap the user.
        await post('/auth/logout').catch(() => {});
        forget();
      },
    }),
    [user, queryClient, forget],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user, for pages that are only rendered behind RequireAuth. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
