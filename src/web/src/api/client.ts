// The one way the app talks to the server: JSON over /api with the CSRF header, errors as ApiError.

/** A refused or failed request, with the server's own message and field issues. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly string[] = [],
    /** Seconds to wait, from Retry-After (429). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

let onUnauthorized: (() => void) | null = null;

/** Called when a request answers 401 (the session ended): the app goes to the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** `/api/x?a=1` from a path and a query object; empty values are left out. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs === '' ? '' : `?${qs}`}`;
}

async function errorOf(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`;
  let issues: string[] = [];
  try {
    const body = (await res.json()) as { error?: unknown; issues?: unknown };
    if (typeof body.error === 'string') message = body.error;
    if (Array.isArray(body.issues)) issues = body.issues.filter((i): i is string => typeof i === 'string');
  } catch {
    // not JSON (a proxy's page): keep the status line
  }
  const retry = Number(res.headers.get('Retry-After'));
  return new ApiError(res.status, message, issues, Number.isFinite(retry) && retry > 0 ? retry : null);
}

async function send<T>(
  method: 'GET' | 'POST',
  path: string,
  init: { query?: Query; body?: BodyInit; contentType?: string; signal?: AbortSignal },
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Reckon-CSRF': '1' };
  if (init.contentType !== undefined) headers['Content-Type'] = init.contentType;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, init.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'the server cannot be reached');
  }
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 401 && path !== '/auth/login') onUnauthorized?.();
    throw error;
  }
  return (await res.json()) as T;
}

/** GET /api{path}. */
export function get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return send<T>('GET', path, {
    ...(query === undefined ? {} : { query }),
    ...(signal === undefined ? {} : { signal }),
  });
}

/** POST /api{path} with a JSON body. */
export function post<T>(path: string, body: unknown = {}): Promise<T> {
  return send<T>('POST', path, { body: JSON.stringify(body), contentType: 'application/json' });
}

/** POST /api{path} with a file as the raw body (its own media type). */
export function upload<T>(path: string, file: Blob, type = file.type): Promise<T> {
  return send<T>('POST', path, { body: file, contentType: type });
}

/** Path segment, escaped. */
export const seg = (value: string): string => encodeURIComponent(value);
