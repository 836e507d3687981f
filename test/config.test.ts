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
  const c = load({ PORT: '8080', PEI_NOW: '2025-06-30', PEI_ADMINS: ' AAD-1 , Ana@Secretaria.gov.co ,', BOT_ID: 'x', BOT_TYPE: 'MultiTenant', PEI_STATUS_BANDS: '0.6, 0.8, 1.2', PEI_API_TOKEN: '' });
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
