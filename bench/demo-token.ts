// The bench's tokens: demo-client's, from a mock's realm, optionally with a scenario bound to them.
import type { Dispatcher } from 'undici';

export const TOKEN_FORM = 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret';

/** An access token for demo-client from the realm at `realmUrl` (`<base>/auth/realms/zignsec`). */
export async function demoToken(realmUrl: string, scenario?: string, dispatcher?: Dispatcher): Promise<string> {
  const res = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
    // undici's own dispatcher option (an https realm whose CA the bench trusts); fetch's types do not list it.
    ...({ dispatcher } as object),
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(scenario ? { 'x-mock-scenario': scenario } : {}) },
    body: TOKEN_FORM,
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export const realmOf = (base: string): string => `${base}/auth/realms/zignsec`;
