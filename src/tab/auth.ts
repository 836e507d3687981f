import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * Who is asking for the tab's data. Inside Teams the page sends the Teams SSO token (TeamsJS
 * `authentication.getAuthToken()`): an Entra ID access token whose audience is the app (its client id, or its
 * Application ID URI `api://<domain>/<client id>`), signed with the keys Entra ID publishes (JWKS) and issued by the
 * tenant. This is the only file importing `jose`. In anonymous local mode (no BOT_ID) nothing is checked, as for the
 * rest of the bot on the local address.
 */

export interface TabPerson {
  /** The Entra object id (oid), when signed in. */
  id: string;
  name?: string;
  email?: string;
}

export type TabAuthResult =
  { ok: true; person: TabPerson | null } | { ok: false; code: 'token-missing' | 'token-invalid' };

export interface TabAuthOptions {
  /** BOT_ID: the app's client id; unset = anonymous local mode. */
  appId?: string;
  /** BOT_TENANT_ID: only tokens of this tenant are accepted; unset = any tenant (multi-tenant apps). */
  tenantId?: string;
  /** PEI_PUBLIC_URL: its host names the Application ID URI (`api://<host>/<appId>`). */
  publicUrl?: string;
  /** PEI_TAB_JWKS_URL: where the signing keys are; default Entra ID's for the tenant. */
  jwksUrl?: string;
}

export interface TabAuth {
  anonymous: boolean;
  check(authorization: string | undefined): Promise<TabAuthResult>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The issuers Entra ID writes for a tenant: v2.0 tokens and v1.0 tokens. */
function issuersOf(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

export function createTabAuth(opts: TabAuthOptions): TabAuth {
  const appId = opts.appId;
  if (!appId) return { anonymous: true, check: async () => ({ ok: true, person: null }) };
  const tenant = opts.tenantId || 'organizations';
  const jwks: JWTVerifyGetKey = createRemoteJWKSet(
    new URL(opts.jwksUrl || `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`),
    { timeoutDuration: 5000, cooldownDuration: 30_000 },
  );
  const audiences = [appId, `api://${appId}`];
  if (opts.publicUrl) audiences.push(`api://${new URL(opts.publicUrl).host}/${appId}`);

  return {
    anonymous: false,
    async check(authorization) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!m) return { ok: false, code: 'token-missing' };
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(m[1], jwks, {
          audience: audiences,
          algorithms: ['RS256'],
          clockTolerance: 60,
          ...(opts.tenantId ? { issuer: issuersOf(opts.tenantId) } : {}),
        }));
      } catch {
        return { ok: false, code: 'token-invalid' };
      }
      // Without a configured tenant, the issuer must still be Entra ID's for the token's own tenant.
      const tid = typeof payload.tid === 'string' ? payload.tid : '';
      if (!GUID.test(tid) || !issuersOf(tid).includes(String(payload.iss))) return { ok: false, code: 'token-invalid' };
      const oid = typeof payload.oid === 'string' ? payload.oid : '';
      if (!oid) return { ok: false, code: 'token-invalid' };
      const email = [payload.preferred_username, payload.upn, payload.email].find(
        (v): v is string => typeof v === 'string' && v.includes('@'),
      );
      return {
        ok: true,
        person: {
          id: oid,
          ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
          ...(email ? { email: email.toLowerCase() } : {}),
        },
      };
    },
  };
}
