/** Authorization code with PKCE against the Cognito hosted UI (RFC 7636), tokens refreshed silently. */
function base64Url(bytes: ArrayBuffer | Uint8Array) {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  array.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomVerifier() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function challengeOf(verifier: string) {
  return base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

export interface CognitoSettings { domain: string; clientId: string; redirectUri: string }
export interface TokenSet { accessToken: string; refreshToken?: string; expiresAt: number }

const host = (domain: string) => (domain.startsWith('http') ? domain : `https://${domain}`).replace(/\/$/, '');

export async function authorizeUrl(settings: CognitoSettings, verifier: string, state: string) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(verifier),
    state,
  });
  return `${host(settings.domain)}/oauth2/authorize?${query}`;
}

async function tokenRequest(settings: CognitoSettings, body: Record<string, string>): Promise<TokenSet> {
  const response = await fetch(`${host(settings.domain)}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings.clientId, ...body }),
  });
  if (!response.ok) throw new Error(`Cognito refused the sign-in (${response.status}).`);
  const json = (await response.json()) as { access_token: string; refresh_token?: string; expires_in: number };
  return { accessToken: json.access_token, refreshToken: json.refresh_token ?? body.refresh_token, expiresAt: Date.now() + json.expires_in * 1000 };
}

export const exchangeCode = (settings: CognitoSettings, code: string, verifier: string) =>
  tokenRequest(settings, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: settings.redirectUri });

export const refresh = (settings: CognitoSettings, refreshToken: string) =>
  tokenRequest(settings, { grant_type: 'refresh_token', refresh_token: refreshToken });
