import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as auth from './api/auth.js';
import { setUnauthorizedHandler } from './api/client.js';
import type { SessionUser } from './api/types.js';
import { can, type Action } from '../../services/auth/policy.js';

// Who is signed in. The server decides every request; the app only hides what the role cannot do,
// using the same policy table the server enforces (src/services/auth/policy.ts, pure).

export type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: SessionUser };

interface SessionApi {
  session: SessionState;
  signIn: (body: { username: string; password: string; totp?: string }) => Promise<SessionUser>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    auth
      .me()
      .then(({ user }) => {
        if (live) setSession({ status: 'signed-in', user });
      })
      .catch(() => {
        if (live) setSession({ status: 'signed-out' });
      });
    setUnauthorizedHandler(() => {
      setSession({ status: 'signed-out' });
    });
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, []);
  const signIn = useCallback(async (body: { username: string; password: string; totp?: string }) => {
    const { user } = await auth.login(body);
    setSession({ status: 'signed-in', user });
    return user;
  }, []);
  const signOut = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      setSession({ status: 'signed-out' });
    }
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in account (pages behind sign-in only). */
export function useUser(): SessionUser {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useUser on a page that does not require sign-in');
  return session.user;
}

/** Whether the signed-in account's role may do this (the server checks again). */
export function useCan(): (action: Action) => boolean {
  const { session } = useSession();
  return useCallback(
    (action: Action) => session.status === 'signed-in' && can(session.user.role, action),
    [session],
  );
}

export type { Action };
