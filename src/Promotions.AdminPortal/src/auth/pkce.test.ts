import { describe, expect, it } from 'vitest';
import { authorizeUrl, challengeOf, randomVerifier } from './pkce';
import { rolesOf } from './roles';

const jwt = (payload: object) => `e30.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;

describe('sign-in', () => {
  it('derives the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character URL-safe verifiers, different each time', () => {
    const a = randomVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomVerifier()).not.toBe(a);
  });

  it('sends the hosted UI the code flow with PKCE', async () => {
    const url = new URL(await authorizeUrl({ domain: 'auth.example.com', clientId: 'portal', redirectUri: 'https://admin.example.com/callback' }, 'v'.repeat(43), 'st'));
    expect(url.origin + url.pathname).toBe('https://auth.example.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'portal', code_challenge_method: 'S256', state: 'st', redirect_uri: 'https://admin.example.com/callback' });
  });

  it('reads roles from local tokens and Cognito groups, ignoring unknown ones', () => {
    expect(rolesOf(jwt({ roles: ['marketer'] }))).toEqual(['marketer']);
    expect(rolesOf(jwt({ 'cognito:groups': ['analyst', 'other'] }))).toEqual(['analyst']);
    expect(rolesOf(jwt({ roles: 'admin' }))).toEqual(['admin']);
    expect(rolesOf('garbage')).toEqual([]);
  });
});
