/**
 * The dashboard tab's data behind the Teams SSO token (issue 27): with BOT_ID set, GET /tab/api/plan answers only a
 * valid Entra ID token (signed by a key of the tenant's JWKS, audience the app, issued by the tenant, not expired);
 * the person it names gets «mis indicadores». A local JWKS server stands in for Entra ID (PEI_TAB_JWKS_URL). Without
 * BOT_ID (anonymous local mode) the same data is served without a token. The page never holds PEI_API_TOKEN.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startTestBot, type TestBot } from '../helpers/bot';
import { seedReports, OWNER } from './helpers';

const APP_ID = '6ba7b810-9dad-41d1-80b4-00c04fd430c8';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const API_TOKEN = 'the-read-api-token-of-this-test-0123456789';

let jwks: Server;
let jwksUrl: string;
let key: CryptoKey;
let strangerKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
});

afterAll(async () => {
  await new Promise((r) => jwks.close(r));
});

function token(
  claims: Record<string, unknown> = {},
  opts: { aud?: string; iss?: string; exp?: string | number; signWith?: CryptoKey } = {},
) {
  return new SignJWT({ oid: OWNER.id, tid: TENANT, name: OWNER.name, preferred_username: OWNER.email, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(opts.iss ?? `https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(opts.aud ?? `api://pei-bot.example.gov.co/${APP_ID}`)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '1h')
    .sign(opts.signWith ?? key);
}

describe('the tab data behind the Teams SSO token', () => {
  let bot: TestBot;
  let ids: string[];
  beforeAll(async () => {
    bot = await startTestBot({
      BOT_ID: APP_ID,
      BOT_PASSWORD: 'x',
      BOT_TENANT_ID: TENANT,
      PEI_PUBLIC_URL: 'https://pei-bot.example.gov.co',
      PEI_TAB_JWKS_URL: jwksUrl,
      PEI_API_TOKEN: API_TOKEN,
    });
    ids = await seedReports(bot.bot.services.store, { pick: 0, share: 0.1, months: 4, ownerOf: 1 });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  const plan = (t?: string, q = 'asOf=2025-07-03') =>
    bot.get(`/tab/api/plan?${q}`, t ? { Authorization: `Bearer ${t}` } : {});

  test('the page is served to anyone, holds no secret, and names the bot for the deep link', async () => {
    const page = await bot.get('/tab/');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<title>Tablero PEI</title>');
    expect(String(page.body)).not.toContain(API_TOKEN);
    expect(String(page.body)).toContain(`"botId":"${APP_ID}"`);
    expect(String(page.body)).toContain('"signIn":true');
    const res = await fetch(`${bot.url}/tab/`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await bot.get('/tab/config?lang=en')).body).toContain('PEI dashboard in this channel');
  });

  test("without a token, 401 with a polite message in the asker's language; a bad one, the same", async () => {
    expect(await plan()).toEqual({
      status: 401,
      body: { error: { code: 'token-missing', message: 'Falta el token de inicio de sesión de Teams.' } },
    });
    const en = await bot.get('/tab/api/plan?lang=en', { Authorization: 'Bearer not-a-jwt' });
    expect(en).toEqual({
      status: 401,
      body: { error: { code: 'token-invalid', message: 'The Teams sign-in token is not valid or has expired.' } },
    });
    // The read API's own token is no SSO token.
    expect((await plan(API_TOKEN)).status).toBe(401);
  });

  test.each([
    ['another audience', () => token({}, { aud: 'api://other-app' })],
    [
      'another tenant',
      () => token({ tid: OTHER_TENANT }, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    ],
    ['expired', () => token({}, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a key Entra ID never published', () => token({}, { signWith: strangerKey })],
    ['no object id', () => token({ oid: undefined })],
  ])('a token with %s is refused (401)', async (_what, make) => {
    const res = await plan(await make());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('token-invalid');
  });

  test("a valid token (v2 or v1 issuer, audience the app id or its URI): the figures, and the person's own indicators", async () => {
    const api = await bot.get('/api/v1/status?asOf=2025-07-03', { Authorization: `Bearer ${API_TOKEN}` });
    for (const t of [await token(), await token({}, { aud: APP_ID, iss: `https://sts.windows.net/${TENANT}/` })]) {
      const res = await plan(t);
      expect(res.status).toBe(200);
      expect(res.body.me).toEqual({ indicators: ids.slice(0, 1) });
      expect(res.body.objectives.map((o: any) => o.progress.text)).toEqual(
        api.body.objectives.map((o: any) => (o.progress === null ? '—' : expect.any(String))),
      );
    }
    // ?me= is not believed when a token says who is asking.
    const other = await plan(
      await token({ oid: '99999999-9999-4999-8999-999999999999', preferred_username: 'x@y.example' }),
      `me=${OWNER.email}`,
    );
    expect(other.body.me).toEqual({ indicators: [] });
    const monthly = await bot.get(`/tab/api/indicators/${ids[0]}/monthly?asOf=2025-07-03`, {
      Authorization: `Bearer ${await token()}`,
    });
    expect(monthly.status).toBe(200);
    expect(monthly.body.chart.rows.length).toBeGreaterThan(0);
  });

  test('bad parameters and unknown indicators: 400 and 404 with the reason', async () => {
    const t = await token();
    expect((await plan(t, 'asOf=ayer')).body.error.code).toBe('invalid-asOf');
    expect((await plan(t, 'asOf=ayer')).status).toBe(400);
    const missing = await bot.get('/tab/api/indicators/nope/monthly', { Authorization: `Bearer ${t}` });
    expect(missing).toEqual({
      status: 404,
      body: { error: { code: 'unknown-indicator', message: 'No existe el indicador «nope» en el plan.' } },
    });
    expect((await fetch(`${bot.url}/tab/api/plan`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the tab data in anonymous local mode', () => {
  test('no token needed; ?me= says who is looking', async () => {
    const bot = await startTestBot();
    try {
      const ids = await seedReports(bot.bot.services.store, { pick: 0, share: 0.1, months: 2, ownerOf: 1 });
      const res = await bot.get(`/tab/api/plan?asOf=2025-07-03&me=${OWNER.id}`);
      expect(res.status).toBe(200);
      expect(res.body.me).toEqual({ indicators: ids.slice(0, 1) });
      expect((await bot.get('/tab/api/plan')).body.me).toBeNull();
      expect(String((await bot.get('/tab/')).body)).toContain('"signIn":false');
    } finally {
      await bot.stop();
    }
  });
});
