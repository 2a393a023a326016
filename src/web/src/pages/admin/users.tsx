import { useState, type ReactNode } from 'react';
import { addUser, disableUser, listUsers, setRole } from '../../api/users.js';
import { ROLE_LIST, type Role, type TotpEnrolment, type UserSummary } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useLoad } from '../../components/use-load.js';
import { adminText } from '../../i18n/admin.js';
import { common } from '../../i18n/common.js';
import { useT } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { useUser } from '../../session.js';

function TotpShown({
  username,
  totp,
  onDone,
}: {
  username: string;
  totp: TotpEnrolment;
  onDone: () => void;
}): ReactNode {
  const t = useT(adminText);
  return (
    <div className="panel secret" role="status" data-testid="totp-enrolment">
      <h3>{t('totpTitle', { username })}</h3>
      <p>{t('totpText', { username })}</p>
      <p>
        {t('totpSecret')}: <code data-testid="totp-secret">{totp.secret}</code>
      </p>
      <p>
        {t('totpUri')}: <code>{totp.uri}</code>
      </p>
      <button type="button" onClick={onDone}>
        {t('totpDone')}
      </button>
    </div>
  );
}

function AddUserForm({
  onAdded,
}: {
  onAdded: (user: UserSummary, totp: TotpEnrolment | null) => void;
}): ReactNode {
  const t = useT(adminText);
  const tc = useT(common);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRoleValue] = useState<Role>('contributor');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await addUser({
        username: username.trim(),
        role,
        password,
        ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
      });
      setUsername('');
      setDisplayName('');
      setPassword('');
      onAdded(r.user, r.totp);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="panel form"
      aria-label={t('addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('addTitle')}</h2>
      <div className="grid-2">
        <label>
          {t('username')}
          <input
            name="new-username"
            autoComplete="off"
            autoCapitalize="none"
            required
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
            }}
          />
          <small>{t('usernameHint')}</small>
        </label>
        <label>
          {t('displayName')}
          <input
            name="new-display-name"
            autoComplete="off"
            value={displayName}
            onChange={(e) => {
              setDisplayName(e.target.value);
            }}
          />
        </label>
        <label>
          {t('role')}
          <select
            name="new-role"
            value={role}
            onChange={(e) => {
              setRoleValue(e.target.value as Role);
            }}
          >
            {ROLE_LIST.map((r) => (
              <option key={r} value={r}>
                {tc(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('password')}
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
          <small>{t('passwordHint')}</small>
        </label>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('add')}
        </button>
      </div>
    </form>
  );
}

function UserRow({
  user,
  self,
  onChanged,
}: {
  user: UserSummary;
  self: boolean;
  onChanged: (message: string, totp: TotpEnrolment | null) => void;
}): ReactNode {
  const t = useT(adminText);
  const tc = useT(common);
  const [role, setRoleValue] = useState<Role>(user.role);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const changeRole = (): Promise<void> =>
    run(async () => {
      const r = await setRole(user.username, role);
      onChanged(t('roleChanged', { username: user.username, role: tc(`role.${r.user.role}`) }), r.totp);
    });
  const disable = (): Promise<void> =>
    run(async () => {
      if (!window.confirm(t('confirmDisable', { username: user.username }))) return;
      const r = await disableUser(user.username);
      onChanged(t('disabledDone', { username: user.username, n: r.sessionsEnded }), null);
    });
  return (
    <li data-testid={`user-${user.username}`}>
      <div className="row-between">
        <strong>
          {user.username} {self && <span className="muted">{t('you')}</span>}
        </strong>
        <span className={`badge ${user.disabled ? 'rejected' : 'confirmed'}`}>
          {user.disabled ? t('disabled') : t('active')}
        </span>
      </div>
      <dl className="facts">
        <dt>{t('displayName')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('role')}</dt>
        <dd data-testid="role">{tc(`role.${user.role}`)}</dd>
        <dt>{t('mfa')}</dt>
        <dd>{user.mfa ? t('yes') : t('no')}</dd>
        <dt>{t('created')}</dt>
        <dd>{user.createdAt.slice(0, 10)}</dd>
      </dl>
      {!user.disabled && !self && (
        <div className="actions">
          <select
            aria-label={`${t('role')}: ${user.username}`}
            value={role}
            onChange={(e) => {
              setRoleValue(e.target.value as Role);
            }}
          >
            {ROLE_LIST.map((r) => (
              <option key={r} value={r}>
                {tc(`role.${r}`)}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy || role === user.role} onClick={() => void changeRole()}>
            {t('changeRole')}
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void disable()}>
            {t('disable')}
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}

/** Admins: every account, add one (showing its TOTP enrolment once), change a role, disable. */
export function UsersPage(_props: PageProps): ReactNode {
  const t = useT(adminText);
  const me = useUser();
  const users = useLoad(() => listUsers(), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [enrolment, setEnrolment] = useState<{ username: string; totp: TotpEnrolment } | null>(null);
  return (
    <section className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {notice !== null && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {enrolment !== null && (
        <TotpShown
          username={enrolment.username}
          totp={enrolment.totp}
          onDone={() => {
            setEnrolment(null);
          }}
        />
      )}
      <AddUserForm
        onAdded={(user, totp) => {
          setNotice(t('added', { username: user.username }));
          setEnrolment(totp === null ? null : { username: user.username, totp });
          users.reload();
        }}
      />
      <ErrorMessage error={users.error} />
      {users.data !== null && users.data.users.length === 0 && <p>{t('none')}</p>}
      <ul className="list" aria-label={t('title')}>
        {users.data?.users.map((u) => (
          <UserRow
            key={`${u.username}-${u.role}-${String(u.disabled)}`}
            user={u}
            self={u.username === me.username}
            onChanged={(message, totp) => {
              setNotice(message);
              setEnrolment(totp === null ? null : { username: u.username, totp });
              users.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}
