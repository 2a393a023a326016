import { get, post } from './client.js';
import type { SessionUser } from './types.js';

export const me = (): Promise<{ user: SessionUser }> => get('/auth/me');

export const login = (body: {
  username: string;
  password: string;
  totp?: string;
}): Promise<{ user: SessionUser }> => post('/auth/login', body);

export const logout = (): Promise<{ ok: boolean }> => post('/auth/logout');
