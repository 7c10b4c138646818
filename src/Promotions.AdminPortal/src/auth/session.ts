import type { AuthConfig } from './config';
import { authorizeUrl, exchangeCode, randomVerifier, refresh, type TokenSet } from './pkce';
import { expiryOf, rolesOf, type Role } from './roles';

const key = 'promotions.session';
const verifierKey = 'promotions.pkce';
type Listener = () => void;

/** The signed-in user's tokens (sessionStorage: gone with the tab), and sign-in for either mode. */
class Session {
  private config: AuthConfig = { mode: 'dev' };
  private tokens: TokenSet | null = null;
  private listeners = new Set<Listener>();
  private refreshing: Promise<void> | null = null;

  configure(config: AuthConfig) {
    this.config = config;
    const stored = sessionStorage.getItem(key);
    this.tokens = stored ? (JSON.parse(stored) as TokenSet) : null;
  }

  get mode() { return this.config.mode; }
  get roles(): Role[] { return this.tokens ? rolesOf(this.tokens.accessToken) : []; }
  get signedIn() { return this.tokens !== null && (this.tokens.expiresAt > Date.now() || !!this.tokens.refreshToken); }

  subscribe(listener: Listener) { this.listeners.add(listener); return () => { this.listeners.delete(listener); }; }

  private set(tokens: TokenSet | null) {
    this.tokens = tokens;
    if (tokens) sessionStorage.setItem(key, JSON.stringify(tokens)); else sessionStorage.removeItem(key);
    this.listeners.forEach((l) => l());
  }

  /** A valid access token, refreshed silently a minute before it expires (Cognito). */
  async accessToken(): Promise<string | null> {
    const tokens = this.tokens;
    if (!tokens) return null;
    if (tokens.expiresAt - 60_000 > Date.now()) return tokens.accessToken;
    if (this.config.mode === 'cognito' && tokens.refreshToken) {
      const config = this.config;
      this.refreshing ??= refresh(config, tokens.refreshToken)
        .then((t) => this.set(t), () => this.set(null))
        .finally(() => { this.refreshing = null; });
      await this.refreshing;
      return this.tokens?.accessToken ?? null;
    }
    if (tokens.expiresAt <= Date.now()) { this.set(null); return null; }
    return tokens.accessToken;
  }

  /** Local host only: a token for the picked role from its development key. */
  async signInDev(role: Role) {
    const response = await fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) });
    if (!response.ok) throw new Error(`The local host refused the sign-in (${response.status}).`);
    const body = (await response.json()) as { token: string };
    this.set({ accessToken: body.token, expiresAt: expiryOf(body.token) });
  }

  async startCognito() {
    if (this.config.mode !== 'cognito') return;
    const verifier = randomVerifier();
    const state = randomVerifier();
    sessionStorage.setItem(verifierKey, JSON.stringify({ verifier, state }));
    window.location.assign(await authorizeUrl(this.config, verifier, state));
  }

  /** The redirect back from the hosted UI: `?code=&state=`. */
  async completeCognito(search: string) {
    if (this.config.mode !== 'cognito') return;
    const query = new URLSearchParams(search);
    const saved = JSON.parse(sessionStorage.getItem(verifierKey) ?? '{}') as { verifier?: string; state?: string };
    sessionStorage.removeItem(verifierKey);
    const code = query.get('code');
    if (!code || !saved.verifier || query.get('state') !== saved.state) throw new Error('The sign-in answer does not match the request: sign in again.');
    this.set(await exchangeCode(this.config, code, saved.verifier));
  }

  signOut() { this.set(null); }
}

export const session = new Session();
