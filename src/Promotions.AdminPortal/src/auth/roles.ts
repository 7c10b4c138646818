export const roles = ['admin', 'marketer', 'analyst', 'support'] as const;
export type Role = (typeof roles)[number];

/** What each role may do, mirroring the API's policies (the API still decides: the portal only hides). */
export const can = {
  write: (r: Role[]) => r.includes('admin') || r.includes('marketer'),
  analytics: (r: Role[]) => r.includes('admin') || r.includes('marketer') || r.includes('analyst'),
  validate: (r: Role[]) => r.includes('admin') || r.includes('marketer') || r.includes('support'),
  /** Approving or rejecting a submitted campaign (the API also refuses the one who submitted it). */
  approve: (r: Role[]) => r.includes('admin'),
  redeem: (r: Role[]) => r.includes('admin') || r.includes('support'),
  /** Personal data (customers' e-mail, name, location): admin and support. */
  personalData: (r: Role[]) => r.includes('admin') || r.includes('support'),
};

export const roleLabels: Record<Role, string> = {
  admin: 'Admin — everything',
  marketer: 'Marketer — campaigns, promotions, codes, analytics',
  analyst: 'Analyst — read catalog and analytics',
  support: 'Support — customers, redemptions, reversals',
};

/** The roles a token carries: `roles` (local tokens) or `cognito:groups` (Cognito). */
export function rolesOf(token: string): Role[] {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const claim = payload['roles'] ?? payload['cognito:groups'] ?? [];
    const list = Array.isArray(claim) ? claim : [claim];
    return list.filter((r): r is Role => (roles as readonly string[]).includes(String(r)));
  } catch {
    return [];
  }
}

export function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return (payload.exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}
