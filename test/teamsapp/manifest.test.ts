/**
 * The Teams app package (teamsapp/): placeholders, offline schema validation against the schemas bundled with
 * @microsoft/app-manifest, Spanish commands, icons, and the zip `npm run package` writes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../src/teams/message-extension';

// scripts/ is plain CommonJS, without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../scripts/package-app.js');

const ROOT = path.join(__dirname, '..', '..');
const APP_DIR = path.join(ROOT, 'teamsapp');

const SAMPLE_VARS = {
  TEAMS_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  BOT_ID: '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
  BOT_ENDPOINT: 'https://pei-bot.example.gov.co',
  PEI_MCP_AUTH_REFERENCE_ID: 'ref-sample',
  BOT_DOMAIN: 'pei-bot.example.gov.co',
};

const readText = (name: string): string => fs.readFileSync(path.join(APP_DIR, name), 'utf8');
const filledJson = (name: string): any => JSON.parse(pkg.fillPlaceholders(readText(name), SAMPLE_VARS));

describe('Teams app manifest', () => {
  const manifest = filledJson('manifest.json');
  const en = filledJson('en.json');

  test('uses manifest schema 1.22 (copilotAgents), which @microsoft/app-manifest bundles', () => {
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
    );
    expect(fs.existsSync(path.join(pkg.SCHEMA_ROOT, 'v1.22', 'MicrosoftTeams.schema.json'))).toBe(true);
    expect(fs.existsSync(path.join(pkg.SCHEMA_ROOT, 'v1.22', 'MicrosoftTeams.Localization.schema.json'))).toBe(true);
  });

  test('only the Teams Toolkit placeholders are left in the templates', () => {
    expect(pkg.listPlaceholders(readText('manifest.json')).sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    expect(manifest.id).toBe(SAMPLE_VARS.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(SAMPLE_VARS.BOT_ID);
  });

  test('the filled manifest is valid against the bundled 1.22 schema (offline)', () => {
    expect(pkg.validateManifest(manifest)).toEqual([]);
  });

  test('en.json is valid against the bundled localization schema and translates real keys', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'es-co',
      defaultLanguageFile: 'es.json',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en.json' }],
    });
    expect(pkg.validateLocalization(en, manifest, 'en.json')).toEqual([]);
    // Every command's title and description is translated, in every command list.
    manifest.bots[0].commandLists.forEach((list: any, i: number) =>
      list.commands.forEach((_: unknown, j: number) => {
        expect(typeof en[`bots[0].commandLists[${i}].commands[${j}].title`]).toBe('string');
        expect(typeof en[`bots[0].commandLists[${i}].commands[${j}].description`]).toBe('string');
      }),
    );
    expect(en['name.short']).toBe('PEI Bot');
  });

  test('the bot works in personal, team and group chat, with a Spanish command list for each scope', () => {
    const bot = manifest.bots[0];
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    // Files: Teams hands them to a bot in a personal chat only; an admin sends the plan workbook there.
    expect(bot.supportsFiles).toBe(true);
    expect(bot.isNotificationOnly).toBe(false);
    const listScopes = bot.commandLists.flatMap((l: any) => l.scopes).sort();
    expect(listScopes).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      const text = list.commands.map((c: any) => `${c.title} ${c.description}`).join(' ');
      expect(text).toContain('objetivo');
      expect(text).toContain('indicador');
      const titles = list.commands.map((c: any) => c.title);
      expect(titles).toEqual(expect.arrayContaining(['cómo va el objetivo', 'indicador', 'qué está en rojo', 'ayuda']));
    }
  });

  test('a search message extension served by the bot: one query command, one parameter, run on opening (issue 16)', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const me = manifest.composeExtensions[0];
    expect(me.botId).toBe(manifest.bots[0].botId);
    expect(me.commands).toHaveLength(1);
    const cmd = me.commands[0];
    expect(cmd).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query', initialRun: true });
    expect([...cmd.context].sort()).toEqual(['commandBox', 'compose']);
    expect(cmd.parameters.map((p: any) => p.name)).toEqual([SEARCH_PARAMETER]);
    expect(cmd.title).toBe('Buscar en el plan');
    expect(en['composeExtensions[0].commands[0].title']).toBe('Search the plan');
    expect(typeof en['composeExtensions[0].commands[0].parameters[0].title']).toBe('string');
    // «mis indicadores» is offered in every scope's command list, in both languages.
    manifest.bots[0].commandLists.forEach((list: any, i: number) => {
      const at = list.commands.findIndex((c: any) => c.title === 'mis indicadores');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(en[`bots[0].commandLists[${i}].commands[${at}].title`]).toBe('my indicators');
    });
  });

  test('the dashboard tab: a personal tab and a channel tab with its configuration page, on the bot\'s own address, with SSO (issue 27)', () => {
    const base = `https://${SAMPLE_VARS.BOT_DOMAIN}/tab/`;
    const [dashboard, chat] = manifest.staticTabs;
    expect(dashboard).toEqual({
      entityId: 'tablero-pei',
      name: 'Tablero PEI',
      contentUrl: `${base}?lang={locale}&theme={theme}`,
      websiteUrl: base,
      scopes: ['personal'],
    });
    // The bot's chat stays beside the tab in the personal app.
    expect(chat).toEqual({ entityId: 'conversations', scopes: ['personal'] });
    expect(en['staticTabs[0].name']).toBe('PEI dashboard');
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: `${base}config?lang={locale}&theme={theme}`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
      },
    ]);
    // The SSO token's audience is the app (the bot's Entra app), resource api://<domain>/<app id>.
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE_VARS.BOT_ID,
      resource: `api://${SAMPLE_VARS.BOT_DOMAIN}/${SAMPLE_VARS.BOT_ID}`,
    });
    expect(pkg.validateManifest(manifest)).toEqual([]);
    // A tab without its address fails the schema, naming it.
    const broken = JSON.parse(JSON.stringify(manifest));
    delete broken.configurableTabs[0].configurationUrl;
    expect(pkg.validateManifest(broken).join('\n')).toMatch(/configurableTabs\/0 .*configurationUrl/);
  });

  test('names, developer and permissions', () => {
    expect(manifest.name).toEqual({
      short: 'PEI Bot',
      full: 'Seguimiento al Plan Estratégico Institucional 2024-2027',
    });
    expect(manifest.developer.websiteUrl).toMatch(/^https:\/\/www\.secretariageneral\.gov\.co/);
    expect(manifest.developer.privacyUrl).toMatch(/^https:\/\//);
    expect(manifest.developer.termsOfUseUrl).toMatch(/^https:\/\//);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.validDomains).toEqual([SAMPLE_VARS.BOT_DOMAIN]);
  });

  test('a manifest missing a required field fails, naming the field', () => {
    const broken = JSON.parse(JSON.stringify(manifest));
    delete broken.developer;
    const errors: string[] = pkg.validateManifest(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/required property 'developer'/);

    const noBotId = JSON.parse(JSON.stringify(manifest));
    delete noBotId.bots[0].botId;
    expect(pkg.validateManifest(noBotId).join('\n')).toMatch(/\/bots\/0 .*required property 'botId'/);
  });

  test('other schema violations are reported with their path', () => {
    const bad = JSON.parse(JSON.stringify(manifest));
    bad.bots[0].botId = 'not-a-guid';
    bad.accentColor = 'red';
    const text = pkg.validateManifest(bad).join('\n');
    expect(text).toMatch(/\/bots\/0\/botId/);
    expect(text).toMatch(/\/accentColor/);
  });

  test('missing variables are all named', () => {
    expect(() => pkg.fillPlaceholders(readText('manifest.json'), {})).toThrow(/TEAMS_APP_ID, BOT_ID/);
    expect(() => pkg.fillPlaceholders(readText('manifest.json'), { TEAMS_APP_ID: SAMPLE_VARS.TEAMS_APP_ID })).toThrow(
      /BOT_ID/,
    );
  });
});

describe('Teams app icons', () => {
  const read = (name: string) => PNG.sync.read(fs.readFileSync(path.join(APP_DIR, name)));

  test('color.png is 192×192 and opaque in the middle', () => {
    const png = read('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const centre = (96 * 192 + 96) * 4;
    expect(png.data[centre + 3]).toBe(255);
  });

  test('outline.png is 32×32 with only white or fully transparent pixels, and draws something', () => {
    const png = read('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      const isWhite = a === 255 && r === 255 && g === 255 && b === 255;
      expect(isWhite || a === 0).toBe(true);
      if (isWhite) white++;
    }
    expect(white).toBeGreaterThan(50);
    expect(white).toBeLessThan(32 * 32 - 50);
  });

  test('the packager accepts the icons', () => {
    expect(pkg.checkIcons(filledJson('manifest.json'), APP_DIR)).toEqual([]);
  });
});

describe('npm run package', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pei-apppkg-'));
  });
  afterAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  test('writes appPackage.<env>.zip with the 7 files at its root, placeholders filled', () => {
    const { zipPath } = pkg.buildPackage({ env: 'test', vars: SAMPLE_VARS, outDir });
    expect(zipPath).toBe(path.join(outDir, 'appPackage.test.zip'));
    const zip = new AdmZip(zipPath);
    const names = zip.getEntries().map((e) => e.entryName).sort();
    expect(names).toEqual([
      'color.png',
      'declarativeAgent.json',
      'en.json',
      'es.json',
      'manifest.json',
      'outline.png',
      'pei-plugin.json',
    ]);
    const plugin = JSON.parse(zip.readAsText('pei-plugin.json'));
    expect(plugin.runtimes[0].spec.url).toBe('https://pei-bot.example.gov.co/mcp');
    expect(plugin.runtimes[0].auth).toEqual({ type: 'ApiKeyPluginVault', reference_id: 'ref-sample' });
    const zipped = JSON.parse(zip.readAsText('manifest.json'));
    expect(zipped.id).toBe(SAMPLE_VARS.TEAMS_APP_ID);
    expect(zipped.bots[0].botId).toBe(SAMPLE_VARS.BOT_ID);
    expect(zip.readAsText('manifest.json')).not.toContain('${{');
    expect(zip.readFile('color.png')!.equals(fs.readFileSync(path.join(APP_DIR, 'color.png')))).toBe(true);
  });

  test('fails, naming the missing variables, and writes nothing', () => {
    expect(() => pkg.buildPackage({ env: 'nothing', vars: {}, outDir })).toThrow(
      /TEAMS_APP_ID, BOT_ID, BOT_DOMAIN, PEI_MCP_AUTH_REFERENCE_ID, BOT_ENDPOINT/,
    );
    expect(fs.existsSync(path.join(outDir, 'appPackage.nothing.zip'))).toBe(false);
  });

  test('BOT_DOMAIN, when not set, is the host of BOT_ENDPOINT (tabs, valid domains, SSO resource)', () => {
    const { BOT_DOMAIN: _omitted, ...vars } = SAMPLE_VARS;
    const { manifest } = pkg.buildPackage({ env: 'derived', vars: { ...vars, BOT_ENDPOINT: 'https://pei.bogota.gov.co:8443' }, outDir });
    expect(manifest.validDomains).toEqual(['pei.bogota.gov.co:8443']);
    expect(manifest.staticTabs.find((t: { contentUrl?: string }) => t.contentUrl)!.contentUrl).toMatch(
      /^https:\/\/pei\.bogota\.gov\.co:8443\/tab\//,
    );
    expect(manifest.webApplicationInfo.resource).toBe(`api://pei.bogota.gov.co:8443/${SAMPLE_VARS.BOT_ID}`);
  });

  test('fails on an invalid filled value (an empty id)', () => {
    expect(() => pkg.buildPackage({ env: 'empty', vars: { ...SAMPLE_VARS, TEAMS_APP_ID: '' }, outDir })).toThrow(
      /\/id must match pattern[\s\S]*empty: TEAMS_APP_ID/,
    );
  });

  test('the playground environment file is enough to build a package', () => {
    const vars: Record<string, string | undefined> = {};
    pkg.loadEnv('playground', { root: ROOT, target: vars });
    expect(vars.TEAMSFX_ENV).toBe('playground');
    const { zipPath } = pkg.buildPackage({ env: 'playground', vars, outDir });
    expect(fs.existsSync(zipPath)).toBe(true);
  });
});

describe('the Microsoft 365 Copilot declarative agent (issue 26)', () => {
  const manifest = filledJson('manifest.json');
  const agent = filledJson('declarativeAgent.json');
  const plugin = filledJson('pei-plugin.json');
  const es = filledJson('es.json');
  const en = filledJson('en.json');

  test('the manifest declares it, and the agent and its plugin validate against the bundled Copilot schemas', () => {
    expect(manifest.copilotAgents).toEqual({ declarativeAgents: [{ id: 'peiBotAgent', file: 'declarativeAgent.json' }] });
    expect(fs.existsSync(path.join(pkg.COPILOT_SCHEMA_ROOT, 'declarative-agent', 'v1.6', 'schema.json'))).toBe(true);
    expect(pkg.validateCopilotFile('declarative-agent', agent, 'declarativeAgent.json')).toEqual([]);
    expect(pkg.validateCopilotFile('plugin', plugin, 'pei-plugin.json')).toEqual([]);
    expect(agent.actions).toEqual([{ id: 'peiBotMcp', file: 'pei-plugin.json' }]);
    expect(plugin.runtimes[0]).toMatchObject({ type: 'RemoteMCPServer', spec: { url: 'https://pei-bot.example.gov.co/mcp' } });
  });

  test('a broken agent or plugin is refused, naming the field', () => {
    const { name: _n, ...noName } = agent;
    expect(pkg.validateCopilotFile('declarative-agent', noName, 'declarativeAgent.json').join('\n')).toMatch(
      /name/,
    );
    const badAuth = { ...plugin, runtimes: [{ ...plugin.runtimes[0], auth: { type: 'Password' } }] };
    expect(pkg.validateCopilotFile('plugin', badAuth, 'pei-plugin.json').join('\n')).toMatch(/auth\/type/);
    // A bare file reference for the MCP tools matches both branches of the schema's oneOf: refused.
    const fileRef = JSON.parse(JSON.stringify(plugin));
    fileRef.runtimes[0].spec.mcp_tool_description = { file: 'mcp-tools.json' };
    expect(pkg.validateCopilotFile('plugin', fileRef, 'pei-plugin.json')).not.toEqual([]);
  });

  test('instructions: only from the tools, cite the explanation, Spanish first; starters in Spanish and English', () => {
    expect(agent.instructions).toMatch(/Answer only from the PEI Bot tools/);
    expect(agent.instructions).toMatch(/cite its explanation/);
    expect(agent.instructions).toMatch(/answer in Spanish \(Colombia\)/);
    const tokens: string[] = pkg.listTokens(JSON.stringify(agent) + JSON.stringify(plugin));
    for (const t of tokens) {
      expect(typeof es.localizationKeys[`[[${t}]]`]).toBe('string');
      expect(typeof en.localizationKeys[`[[${t}]]`]).toBe('string');
    }
    const text = (loc: any) =>
      agent.conversation_starters.map((c: any) => loc.localizationKeys[c.text] as string);
    expect(text(es)).toContain('¿Cómo va el objetivo 5?');
    expect(text(en)).toContain('How is objective 5 doing?');
    expect(pkg.validateLocalization(es, manifest, 'es.json')).toEqual([]);
  });
});
