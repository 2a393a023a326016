import type { ReactNode } from 'react';
import { common } from '../i18n/common.js';
import { LANGS, useLang, useT } from '../i18n/i18n.js';
import { Link, matchPath, useLocation } from '../router.js';
import { ROUTES } from '../routes.js';
import { useCan, useSession } from '../session.js';

function LangSwitch(): ReactNode {
  const { lang, setLang } = useLang();
  const t = useT(common);
  return (
    <div className="lang" role="group" aria-label={t('language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'lang-on' : ''}
          aria-pressed={l === lang}
          lang={l}
          onClick={() => {
            setLang(l);
          }}
        >
          {l === 'ru' ? 'Рус' : 'Eng'}
        </button>
      ))}
    </div>
  );
}

/** The header: name, menu (what the role may open), who is signed in, language, sign out. */
export function Header(): ReactNode {
  const { session, signOut } = useSession();
  const { lang } = useLang();
  const can = useCan();
  const t = useT(common);
  const { path } = useLocation();
  const signedIn = session.status === 'signed-in';
  const items = signedIn
    ? ROUTES.filter((r) => r.nav !== undefined && (r.access === undefined || can(r.access)))
    : [];
  return (
    <header className="top">
      <div className="top-row">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <div className="top-tools">
          {signedIn && (
            <span className="who" data-testid="who">
              {t('signedInAs', { name: session.user.displayName || session.user.username })} ·{' '}
              <span className="role">{t(`role.${session.user.role}`)}</span>
            </span>
          )}
          <LangSwitch />
          {signedIn && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          )}
        </div>
      </div>
      {items.length > 0 && (
        <nav aria-label={t('menu')}>
          <ul>
            {items.map((r) => {
              const active =
                r.path === '/'
                  ? path === '/'
                  : matchPath(r.path, path) !== null || path.startsWith(`${r.path}/`);
              return (
                <li key={r.path}>
                  <Link to={r.path} aria-current={active ? 'page' : undefined}>
                    {r.nav?.(lang)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </header>
  );
}
