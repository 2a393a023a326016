import { z } from 'zod';

/** Roles, least to most privileged in what they may change. */
export const ROLES = ['viewer', 'contributor', 'verifier', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that can read restricted data must pass a second factor at login (AUTH-MFA). */
export const MFA_ROLES: readonly Role[] = ['admin', 'verifier'];

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'a username is 2–40 characters: letters, digits, dot, dash, underscore');

export const loginSchema = z.strictObject({
  username: z.string().max(100),
  password: z.string().max(1024),
  totp: z.string().max(20).optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** What the app knows about the signed-in account; never the hash, secret or token. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}
