import { useEffect, type ReactNode } from 'react';
import { Header } from './components/header.js';
import { common } from './i18n/common.js';
import { useT } from './i18n/i18n.js';
import { href, Link, matchPath, useLocation, useNavigate } from './router.js';
import { ROUTES, type AppRoute } from './routes.js';
import { useCan, useSession } from './session.js';

function findRoute(path: string): { route: AppRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params !== null) return { route, params };
  }
  return null;
}

/** Where to go after signing in: an app path from ?next=, never another site. */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in'))
    return '/';
  return next;
}

function Redirect({ to }: { to: string }): ReactNode {
  const navigate = useNavigate();
  useEffect(() => {
    navigate(to, { replace: true });
  }, [navigate, to]);
  return null;
}

function Message({ title, text }: { title: string; text: string }): ReactNode {
  const t = useT(common);
  return (
    <section className="page narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </section>
  );
}

/** The shell: finds the page for the address, sends signed-out visitors to sign in (and back), checks the role. */
export function App(): ReactNode {
  const { session } = useSession();
  const location = useLocation();
  const can = useCan();
  const t = useT(common);
  const found = findRoute(location.path);
  const here = `${location.path}${location.search.size > 0 ? `?${location.search.toString()}` : ''}`;

  let body: ReactNode;
  if (session.status === 'loading') body = <p className="page loading">{t('loading')}</p>;
  else if (found === null) body = <Message title={t('notFoundTitle')} text={t('notFoundText')} />;
  else if (found.route.public === true) {
    body =
      session.status === 'signed-in' ? (
        <Redirect to={safeNext(location.search.get('next'))} />
      ) : (
        <found.route.page params={found.params} />
      );
  } else if (session.status === 'signed-out')
    body = <Redirect to={`/sign-in?next=${encodeURIComponent(here)}`} />;
  else if (found.route.access !== undefined && !can(found.route.access)) {
    body = (
      <Message
        title={t('forbiddenTitle')}
        text={t('forbiddenText', { role: t(`role.${session.user.role}`) })}
      />
    );
  } else body = <found.route.page key={location.path} params={found.params} />;

  return (
    <>
      <a className="skip" href={`${href(location.path)}#main`}>
        {t('skipToContent')}
      </a>
      <Header />
      <main id="main">{body}</main>
    </>
  );
}
