import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, can, ForbiddenError } from './policy.js';
import { ROLES } from './auth.schemas.js';

describe('the role × action policy', () => {
  it('denies everything to nobody-signed-in and grants user management to admins only', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
    expect(ROLES.filter((r) => can(r, 'user.manage'))).toEqual(['admin']);
  });

  it('lets verifiers and admins decide, never contributors or viewers', () => {
    expect(ROLES.filter((r) => can(r, 'person.decide'))).toEqual(['verifier', 'admin']);
    expect(() => { authorize('contributor', 'person.decide'); }).toThrow(ForbiddenError);
  });

  it('keeps contributors to their own records', () => {
    expect(can('contributor', 'person.read')).toBe(true);
    expect(can('contributor', 'person.read.all')).toBe(false);
    expect(can('viewer', 'person.read.all')).toBe(true);
  });
});
