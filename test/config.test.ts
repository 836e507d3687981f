import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, ConfigError } from '../src/config';
import { bogotaDate } from '../src/calendar';

const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

test('defaults of docs/interfaces.md', () => {
  const c = load({});
  expect(c.port).toBe(3978);
  expect(c.dbFile).toMatch(/data[/\\]db\.json$/);
  expect(c.now).toBeUndefined();
  expect(c.apiToken).toBeUndefined();
  expect(c.admins).toEqual([]);
  expect(c.bot).toEqual({ id: undefined, password: undefined, tenantId: undefined, type: 'SingleTenant' });
  expect(c.digestCron).toBe('0 8 * * 1');
  expect(c.bands).toEqual({ red: 0.5, yellow: 0.75, green: 1.25 });
});

test('values are read and normalised', () => {
  const c = load({
    PORT: '8080',
    PEI_NOW: '2025-06-30',
    PEI_ADMINS: ' AAD-1 , Ana@Secretaria.gov.co ,',
    BOT_ID: 'x',
    BOT_TYPE: 'MultiTenant',
    PEI_STATUS_BANDS: '0.6, 0.8, 1.2',
    PEI_API_TOKEN: '',
  });
  expect(c.port).toBe(8080);
  expect(bogotaDate(c.now!)).toBe('2025-06-30');
  expect(c.admins).toEqual(['aad-1', 'ana@secretaria.gov.co']);
  expect(c.bot.type).toBe('MultiTenant');
  expect(c.bands).toEqual({ red: 0.6, yellow: 0.8, green: 1.2 });
  expect(c.apiToken).toBeUndefined(); // empty = unset = read API disabled
});

test.each([
  [{ PORT: 'ochenta' }, /PORT/],
  [{ PORT: '70000' }, /PORT/],
  [{ PEI_NOW: 'ayer' }, /PEI_NOW/],
  [{ DIGEST_CRON: 'cada lunes' }, /DIGEST_CRON/],
  [{ BOT_TYPE: 'Otro' }, /BOT_TYPE/],
  [{ PEI_STATUS_BANDS: '0.8,0.5,1.2' }, /PEI_STATUS_BANDS/],
  [{ PEI_REMINDER_DAYS: '5,tres' }, /PEI_REMINDER_DAYS/],
])('invalid %p stops with a message naming the variable', (env, re) => {
  expect(() => load(env as Record<string, string>)).toThrow(ConfigError);
  expect(() => load(env as Record<string, string>)).toThrow(re);
});

describe('PEI_HOST: where the bot listens', () => {
  test('anonymous mode (no BOT_ID) listens on loopback only; with BOT_ID on every interface', () => {
    expect(load({})).toMatchObject({ host: '127.0.0.1', hostReason: 'anonymous' });
    expect(load({ BOT_ID: 'x' })).toMatchObject({ host: '0.0.0.0', hostReason: 'authenticated' });
  });
  test('the operator decides with PEI_HOST (IPv6 in brackets too)', () => {
    expect(load({ PEI_HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostReason: 'PEI_HOST' });
    expect(load({ PEI_HOST: '[::1]', BOT_ID: 'x' })).toMatchObject({ host: '::1', hostReason: 'PEI_HOST' });
  });
  test('a value that is not an address is refused at start', () => {
    expect(() => load({ PEI_HOST: 'http://0.0.0.0/' })).toThrow(/PEI_HOST/);
  });
});

describe('PEI_REQUEST_TIMEOUT_MS', () => {
  test('10 s by default; under the 15 s Teams waits', () => {
    expect(load({}).requestTimeoutMs).toBe(10_000);
    expect(load({ PEI_REQUEST_TIMEOUT_MS: '1500' }).requestTimeoutMs).toBe(1500);
    expect(() => load({ PEI_REQUEST_TIMEOUT_MS: '20000' })).toThrow(/PEI_REQUEST_TIMEOUT_MS/);
    expect(() => load({ PEI_REQUEST_TIMEOUT_MS: 'diez' })).toThrow(/PEI_REQUEST_TIMEOUT_MS/);
  });
});

test('official outputs: PEI_PUBLIC_URL, PEI_LINK_SECRET, PEI_OPEN_DATA', () => {
  expect(load({})).toMatchObject({ publicUrl: undefined, linkSecret: undefined, openData: false });
  const c = load({
    PEI_PUBLIC_URL: 'https://pei.secretariageneral.gov.co/',
    PEI_LINK_SECRET: 'x'.repeat(32),
    PEI_OPEN_DATA: 'true',
  });
  expect(c).toMatchObject({
    publicUrl: 'https://pei.secretariageneral.gov.co',
    linkSecret: 'x'.repeat(32),
    openData: true,
  });
  expect(() => load({ PEI_PUBLIC_URL: 'pei.example' })).toThrow(/PEI_PUBLIC_URL/);
  expect(() => load({ PEI_LINK_SECRET: 'corta' })).toThrow(/PEI_LINK_SECRET.*32/);
  expect(() => load({ PEI_OPEN_DATA: 'si' })).toThrow(/PEI_OPEN_DATA/);
});

test('the dashboard tab: PEI_TAB_JWKS_URL, an http(s) address, absent by default', () => {
  expect(load({}).tabJwksUrl).toBeUndefined();
  expect(load({ PEI_TAB_JWKS_URL: 'https://login.example/keys' }).tabJwksUrl).toBe('https://login.example/keys');
  expect(() => load({ PEI_TAB_JWKS_URL: 'ftp://x.example/keys' })).toThrow(/PEI_TAB_JWKS_URL/);
});

test('.env.example documents every variable the configuration reads', () => {
  const example = readFileSync(join(__dirname, '..', '.env.example'), 'utf8');
  for (const v of ['PEI_PUBLIC_URL', 'PEI_LINK_SECRET', 'PEI_OPEN_DATA', 'PEI_TAB_JWKS_URL', 'PEI_FILE_HOSTS'])
    expect(example).toMatch(new RegExp(`^${v}=`, 'm'));
});
