import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { common } from '../i18n/common.js';
import { useT, type KeysOf, type Translate } from '../i18n/i18n.js';

/** A human sentence for a failed request, in the current language, with the server's own words kept. */
export function describeError(t: Translate<KeysOf<typeof common>>, error: unknown): string {
  if (!(error instanceof ApiError))
    return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  switch (error.status) {
    case 0:
      return t('error.network');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return t('error.conflict', { message: error.message });
    case 413:
      return t('error.tooLarge');
    case 415:
      return t('error.badType');
    case 429:
      return t('error.throttled', { seconds: error.retryAfter ?? 60 });
    default:
      return error.issues.length > 0 ? `${error.message}: ${error.issues.join('; ')}` : error.message;
  }
}

/** Shows a failed request (nothing when there is no error). */
export function ErrorMessage({ error }: { error: unknown }): ReactNode {
  const t = useT(common);
  if (error === null || error === undefined) return null;
  return (
    <p className="error" role="alert">
      {describeError(t, error)}
    </p>
  );
}
