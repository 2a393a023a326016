import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

// A small router over the History API. The app lives under BASE (/app); paths inside it start with '/'.

export const BASE = '/app';

export interface Location {
  /** The path inside the app, e.g. '/persons/abc'. */
  path: string;
  search: URLSearchParams;
}

function current(): Location {
  const p = window.location.pathname;
  const inside = p === BASE || p === `${BASE}/` ? '/' : p.startsWith(`${BASE}/`) ? p.slice(BASE.length) : p;
  return {
    path: inside.length > 1 ? inside.replace(/\/+$/, '') : inside,
    search: new URLSearchParams(window.location.search),
  };
}

/** The full URL path of an app path ('/persons?q=x' → '/app/persons?q=x'). */
export function href(to: string): string {
  return `${BASE}${to === '/' ? '/' : to}`;
}

interface RouterState {
  location: Location;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterState | null>(null);

export function RouterProvider({ children }: { children: ReactNode }): ReactNode {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const onPop = (): void => {
      setLocation(current());
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    const url = href(to);
    if (options?.replace === true) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setLocation(current());
    window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterState {
  const r = useContext(RouterContext);
  if (r === null) throw new Error('useRouter outside RouterProvider');
  return r;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): RouterState['navigate'] {
  return useRouter().navigate;
}

/** Matches '/persons/:id' against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An in-app link: a real href (open in a new tab works), client-side navigation on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps): ReactNode {
  const navigate = useNavigate();
  const click = (e: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={click} {...rest} />;
}
