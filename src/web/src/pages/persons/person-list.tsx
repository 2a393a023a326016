import { useState, type ReactNode } from 'react';
import { listPersons } from '../../api/persons.js';
import { VERIFICATION_LIST } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { Pager } from '../../components/pager.js';
import { useLoad } from '../../components/use-load.js';
import { VerificationBadge } from '../../components/verification-badge.js';
import { common } from '../../i18n/common.js';
import { fieldText } from '../../i18n/fields.js';
import { useT } from '../../i18n/i18n.js';
import { personsText } from '../../i18n/persons.js';
import { Link, useLocation, useNavigate } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { useCan } from '../../session.js';

const LIMIT = 50;

/** Search the register by name (the API's name search), filter by verification state, page through. */
export function PersonListPage(_props: PageProps): ReactNode {
  const t = useT(personsText);
  const tf = useT(fieldText);
  const tc = useT(common);
  const can = useCan();
  const { search } = useLocation();
  const navigate = useNavigate();
  const q = search.get('q') ?? '';
  const verification = search.get('verification') ?? '';
  const offset = Math.max(0, Number(search.get('offset') ?? '0') || 0);
  const [typed, setTyped] = useState(q);
  const go = (next: { q?: string; verification?: string; offset?: number }): void => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const nv = next.verification ?? verification;
    const no = next.offset ?? 0;
    if (nq !== '') p.set('q', nq);
    if (nv !== '') p.set('verification', nv);
    if (no > 0) p.set('offset', String(no));
    const qs = p.toString();
    navigate(`/persons${qs === '' ? '' : `?${qs}`}`, { replace: true });
  };
  const state = VERIFICATION_LIST.find((v) => v === verification);
  const persons = useLoad(
    (signal) =>
      listPersons(
        {
          limit: LIMIT,
          offset,
          ...(q === '' ? {} : { q }),
          ...(state === undefined ? {} : { verification: state }),
        },
        signal,
      ),
    [q, state, offset],
  );
  const list = persons.data?.persons ?? [];
  return (
    <section className="page">
      <h1>{t('listTitle')}</h1>
      {!can('person.read.all') && <p className="muted">{t('ownOnly')}</p>}
      <form
        className="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: typed.trim() });
        }}
      >
        <div className="grid-2">
          <label>
            {t('search')}
            <input
              type="search"
              name="q"
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
              }}
            />
            <small>{t('searchHint')}</small>
          </label>
          <label>
            {tf('verification')}
            <select
              name="verification"
              value={verification}
              onChange={(e) => {
                go({ verification: e.target.value });
              }}
            >
              <option value="">{t('anyState')}</option>
              {VERIFICATION_LIST.map((v) => (
                <option key={v} value={v}>
                  {tf(`verification.${v}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('searchButton')}
          </button>
        </div>
      </form>
      <ErrorMessage error={persons.error} />
      {persons.loading && <p className="muted">{tc('loading')}</p>}
      {!persons.loading && persons.error === null && list.length === 0 && <p>{t('empty')}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table data-testid="person-list">
            <thead>
              <tr>
                <th>{tf('name')}</th>
                <th className="hide-phone">{tf('birth')}</th>
                <th>{tf('death')}</th>
                <th className="hide-phone">{t('region')}</th>
                <th>{tf('verification')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/persons/${encodeURIComponent(p.id)}`}>{p.name || p.id}</Link>
                  </td>
                  <td className="hide-phone">{p.birth ?? ''}</td>
                  <td>{p.death ?? ''}</td>
                  <td className="hide-phone">{p.region}</td>
                  <td>
                    <VerificationBadge state={p.verification} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        offset={offset}
        limit={LIMIT}
        more={list.length === LIMIT}
        onChange={(o) => {
          go({ offset: o });
        }}
      />
    </section>
  );
}
