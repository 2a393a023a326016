import { describe, expect, it } from 'vitest';
import { apiUrl } from './api/client.js';
import { safeNext } from './app.js';
import { percent } from './pages/intake/candidate-list.js';
import { fileProblem, humanSize } from './pages/intake/evidence-upload.js';
import { lookupQuery } from './pages/intake/person-form.js';
import { href, matchPath } from './router.js';

describe('the app’s own logic', () => {
  it('matches routes with parameters, decoded, and nothing else', () => {
    expect(matchPath('/persons/:id', '/persons/01a2-b%20c')).toEqual({ id: '01a2-b c' });
    expect(matchPath('/persons/:id', '/persons')).toBeNull();
    expect(matchPath('/persons', '/persons/x')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/persons/:id', '/persons/%E0%A4%A')).toBeNull(); // a broken escape is no match, not a crash
    expect(href('/')).toBe('/app/');
    expect(href('/persons?q=x')).toBe('/app/persons?q=x');
  });

  it('sends a user back after sign-in only to a path inside the app', () => {
    expect(safeNext('/persons/abc?x=1')).toBe('/persons/abc?x=1');
    for (const bad of [
      null,
      'https://evil.example/',
      '//evil.example/x',
      'javascript:alert(1)',
      '/sign-in?next=/x',
    ])
      expect(safeNext(bad)).toBe('/');
  });

  it('builds API URLs without empty values', () => {
    expect(
      apiUrl('/persons', { q: 'Иванов', limit: 50, offset: 0, region: '', verification: undefined }),
    ).toBe('/api/persons?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&limit=50&offset=0');
    expect(apiUrl('/auth/me')).toBe('/api/auth/me');
  });

  it('refuses evidence of the wrong type or over 50 MB before sending it', () => {
    expect(fileProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(fileProblem({ type: 'application/pdf', size: 50 * 1024 * 1024 })).toBeNull();
    expect(fileProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(fileProblem({ type: '', size: 10 })).toBe('type');
    expect(fileProblem({ type: 'image/jpeg', size: 50 * 1024 * 1024 + 1 })).toBe('size');
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(60 * 1024 * 1024)).toBe('60.0 MB');
  });

  it('looks candidates up only once a surname or full name has two letters, with the typed facts only', () => {
    expect(lookupQuery({ surname: 'И' })).toBeNull();
    expect(lookupQuery({ given_name: 'Иван', birth_date: '1990' })).toBeNull();
    expect(lookupQuery({ surname: ' Ив ', given_name: '', unit: '12', region: 'Свердловская' })).toEqual({
      surname: 'Ив',
      region: 'Свердловская',
    });
    expect(lookupQuery({ full_name: 'Иванов Иван' })).toEqual({ full_name: 'Иванов Иван' });
  });

  it('shows probabilities without a misleading 0% or 100%', () => {
    expect(percent(0)).toBe('0');
    expect(percent(0.0002)).toBe('<0.1');
    expect(percent(0.4567)).toBe('45.7');
    expect(percent(0.99995)).toBe('>99.9');
    expect(percent(1)).toBe('100');
  });
});
