import { get, post, seg } from './client.js';
import type { Role, TotpEnrolment, UserSummary } from './types.js';

export const listUsers = (): Promise<{ users: UserSummary[] }> => get('/users');

export const addUser = (body: {
  username: string;
  role: Role;
  password: string;
  displayName?: string;
}): Promise<{ user: UserSummary; totp: TotpEnrolment | null }> => post('/users', body);

export const setRole = (
  username: string,
  role: Role,
): Promise<{ user: UserSummary; totp: TotpEnrolment | null }> =>
  post(`/users/${seg(username)}/role`, { role });

export const disableUser = (username: string): Promise<{ user: UserSummary; sessionsEnded: number }> =>
  post(`/users/${seg(username)}/disable`);
