import type { ReactNode } from 'react';
import { homeText } from '../../i18n/home.js';
import { useLang, useT } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import { ROUTES } from '../../routes.js';
import { useCan, useUser } from '../../session.js';

/** The start page: what this role does here and the pages it may open. */
export function HomePage(): ReactNode {
  const t = useT(homeText);
  const { lang } = useLang();
  const user = useUser();
  const can = useCan();
  const links = ROUTES.filter(
    (r) => r.nav !== undefined && r.path !== '/' && (r.access === undefined || can(r.access)),
  );
  return (
    <section className="page narrow">
      <h1>{t('title')}</h1>
      <p>{t('hello', { name: user.displayName || user.username })}</p>
      <p>{t(`intro.${user.role}`)}</p>
      <h2>{t('whatNext')}</h2>
      <ul className="cards">
        {links.map((r) => (
          <li key={r.path}>
            <Link to={r.path}>{r.nav?.(lang)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
