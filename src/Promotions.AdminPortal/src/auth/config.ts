/** The portal's runtime configuration, read from /config.json at start. */
export type AuthConfig =
  | { mode: 'dev' }
  | { mode: 'cognito'; domain: string; clientId: string; redirectUri: string };

export interface PortalConfig { apiBaseUrl?: string; auth: AuthConfig }

export async function loadConfig(): Promise<PortalConfig | null> {
  try {
    const response = await fetch('/config.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    return (await response.json()) as PortalConfig;
  } catch {
    return null;
  }
}
