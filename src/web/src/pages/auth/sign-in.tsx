import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { ErrorMessage } from '../../components/error-message.js';
import { authText } from '../../i18n/auth.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

/** Username, password and (for editors and admins) the TOTP code. The shell sends the user on afterwards. */
export function SignInPage(): ReactNode {
  const t = useT(authText);
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: SyntheticEvent): Promise<void> => {
    e.preventDefault();
    setProblem(null);
    setError(null);
    if (username.trim() === '' || password === '') {
      setProblem(t('required'));
      return;
    }
    setBusy(true);
    try {
      await signIn({
        username: username.trim(),
        password,
        ...(totp.trim() === '' ? {} : { totp: totp.trim() }),
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setProblem(t('wrong'));
      else if (err instanceof ApiError && err.status === 429)
        setProblem(t('throttled', { seconds: err.retryAfter ?? 60 }));
      else setError(err);
      setPassword('');
      setTotp('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
            }}
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
        </label>
        <label>
          {t('totp')}
          <input
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={totp}
            onChange={(e) => {
              setTotp(e.target.value.replace(/\D/g, ''));
            }}
          />
          <small>{t('totpHint')}</small>
        </label>
        {problem !== null && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </form>
    </section>
  );
}
