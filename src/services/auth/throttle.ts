import { createHash } from 'node:crypto';

/**
 * AUTH-THROTTLE: exponential backoff, never a permanent lockout. Each failed login (one that reached the
 * password check) doubles the wait for its key once the free attempts are spent, up to a cap.
 * - per client (hashed address): 5 free failures, then 1 s, 2 s, 4 s … up to 15 min;
 * - per account (hashed username, from any client): 10 free failures, then 1 s, 2 s … up to 60 s, so a
 *   distributed attacker gets at most one guess a minute while the real user waits at most a minute.
 */
export interface BackoffRule {
  free: number;
  capSeconds: number;
}

export const CLIENT_BACKOFF: BackoffRule = { free: 5, capSeconds: 15 * 60 };
export const ACCOUNT_BACKOFF: BackoffRule = { free: 10, capSeconds: 60 };

/** Seconds to wait after `failures` failures under a rule (0 while attempts are free). */
export function backoffSeconds(rule: BackoffRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, 2 ** Math.min(30, failures - rule.free));
}

/** Throttle keys are hashed so the table holds no raw usernames or client addresses. */
export function throttleKey(kind: 'account' | 'client', value: string): string {
  return `${kind}:${createHash('sha256').update(`reckon-throttle\u0000${kind}\u0000${value}`).digest('hex').slice(0, 32)}`;
}
