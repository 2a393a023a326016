import { useId, useState, type ReactNode } from 'react';
import { common } from '../i18n/common.js';
import { useT } from '../i18n/i18n.js';
import { ErrorMessage } from './error-message.js';

interface Props {
  /** The submit button (and the opening button, unless `openLabel` is given). */
  label: string;
  /** The button that opens the form, when it should read differently from the submit button. */
  openLabel?: string;
  /** Runs the action with the written reason; a thrown error is shown under the form. */
  onSubmit: (reason: string) => Promise<void>;
  disabled?: boolean;
  /** Why the button is disabled (shown as its title). */
  disabledWhy?: string;
  danger?: boolean;
  /** Extra fields above the reason (e.g. the person to merge into). */
  children?: ReactNode;
  /** For tests: data-testid of the opening button. */
  testId?: string;
}

/** A button that asks for a written reason (3+ characters) before it acts: every decision is explained. */
export function ReasonAction({
  label,
  openLabel,
  onSubmit,
  disabled = false,
  disabledWhy,
  danger = false,
  children,
  testId,
}: Props): ReactNode {
  const t = useT(common);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tooShort, setTooShort] = useState(false);

  if (!open) {
    return (
      <button
        type="button"
        className={danger ? 'danger' : ''}
        disabled={disabled}
        title={disabled ? disabledWhy : undefined}
        data-testid={testId}
        onClick={() => {
          setOpen(true);
        }}
      >
        {openLabel ?? label}
      </button>
    );
  }
  const submit = async (): Promise<void> => {
    if (reason.trim().length < 3) {
      setTooShort(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      setOpen(false);
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="panel form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <strong>{label}</strong>
      {children}
      <label htmlFor={id}>
        {t('reason')}
        <textarea
          id={id}
          name="reason"
          value={reason}
          aria-invalid={tooShort}
          onChange={(e) => {
            setReason(e.target.value);
            setTooShort(false);
          }}
        />
        <small>{t('reasonHint')}</small>
      </label>
      {tooShort && (
        <p className="error" role="alert">
          {t('reasonHint')}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
          {label}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
        >
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
