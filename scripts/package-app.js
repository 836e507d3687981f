#!/usr/bin/env node
/**
 * Builds the Teams app package of PEI Bot, offline:
 *
 *   npm run package                      # environment "local" (TEAMSFX_ENV, default local)
 *   npm run package -- --env playground  # or TEAMSFX_ENV=dev npm run package
 *
 * 1. Loads variables: the process environment first, then env/.env.<env> and env/.env.<env>.user (Teams Toolkit
 *    files), then .env; a variable already set is never overridden.
 * 2. Fills every ${{NAME}} placeholder of teamsapp/manifest.json and of its localization files; fails naming
 *    every variable that is missing.
 * 3. Validates the filled manifest and localization files against the JSON schemas bundled with
 *    @microsoft/app-manifest (draft-04, compiled with ajv-draft-04; nothing is downloaded), checks the icons
 *    (192×192 colour, 32×32 white-on-transparent outline) and that every localized key points at something real.
 *    The Microsoft 365 Copilot declarative agent (manifest copilotAgents) and its action's plugin are filled and
 *    validated against the Copilot schemas bundled with the same package (build/json-schemas/copilot/); every
 *    [[token]] they use must have a value in every localization file (localizationKeys).
 * 4. Writes build/appPackage/appPackage.<env>.zip with manifest.json, the localization files, the agent's files
 *    (declarative agent, plugin) and the two icons at the zip root, and prints its path.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const APP_DIR = path.join(ROOT, 'teamsapp');
const DEFAULT_OUT_DIR = path.join(ROOT, 'build', 'appPackage');

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

// ---------------------------------------------------------------------------------------------------------------
// Environment and placeholders

/**
 * Loads env/.env.<env>, env/.env.<env>.user and .env into `target` (process.env by default) without overriding
 * values already present. Returns the list of files read.
 */
function loadEnv(env, { root = ROOT, target = process.env } = {}) {
  const dotenv = require('dotenv');
  const files = [
    path.join(root, 'env', `.env.${env}`),
    path.join(root, 'env', `.env.${env}.user`),
    path.join(root, '.env'),
  ];
  const read = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const parsed = dotenv.parse(fs.readFileSync(file));
    for (const [key, value] of Object.entries(parsed)) {
      if (target[key] === undefined) target[key] = value;
    }
    read.push(file);
  }
  return read;
}

/** Names of the ${{NAME}} placeholders in a text, in order of first appearance. */
function listPlaceholders(text) {
  const names = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/**
 * Replaces every ${{NAME}} in `text` with vars[NAME]. Throws one error naming every missing variable
 * (undefined; an empty string is a value). Values are JSON-escaped when `json` is true (the default),
 * so a quote or backslash in a value cannot break the manifest.
 */
function fillPlaceholders(text, vars = process.env, { json = true, source = 'template' } = {}) {
  const missing = listPlaceholders(text).filter((name) => vars[name] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `Missing variable${missing.length > 1 ? 's' : ''} for ${source}: ${missing.join(', ')}. ` +
        'Set them in the environment, in env/.env.<env> (see env/*.example) or in .env.',
    );
  }
  return text.replace(PLACEHOLDER, (_, name) => {
    const value = String(vars[name]);
    return json ? JSON.stringify(value).slice(1, -1) : value;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas (bundled, offline)

const appManifestDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
const SCHEMA_ROOT = path.join(appManifestDir, 'build', 'json-schemas', 'teams');
const COPILOT_SCHEMA_ROOT = path.join(appManifestDir, 'build', 'json-schemas', 'copilot');

function readSchema(file) {
  // Same clean-up @microsoft/app-manifest applies: some published schemas contain \a and \v escapes JSON rejects.
  const raw = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw);
}

const validators = new Map();

/** A compiled validator for `MicrosoftTeams.schema.json` (kind "manifest") or the localization schema. */
function getValidator(manifestVersion, kind) {
  const key = `${manifestVersion}/${kind}`;
  if (validators.has(key)) return validators.get(key);
  const file = path.join(
    SCHEMA_ROOT,
    `v${manifestVersion}`,
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json',
  );
  if (!fs.existsSync(file)) {
    throw new Error(`No bundled ${kind} schema for manifest version ${manifestVersion} (looked for ${file})`);
  }
  const schema = readSchema(file);
  // The Teams schemas are draft-04 (ajv-draft-04, a dependency of @microsoft/app-manifest); newer ones 2020-12.
  const Ajv =
    schema.$schema && schema.$schema.includes('2020-12')
      ? require(require.resolve('ajv/dist/2020', { paths: [appManifestDir] }))
      : require(require.resolve('ajv-draft-04', { paths: [appManifestDir] }));
  const addFormats = require(require.resolve('ajv-formats', { paths: [appManifestDir] }));
  // unicodeRegExp: false because the localization schema has patterns such as `\[\b(...)\b]` that are valid
  // JavaScript regexes but not valid with the u flag.
  const ajv = new (Ajv.default || Ajv)({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  (addFormats.default || addFormats)(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  validators.set(key, validate);
  return validate;
}

function formatErrors(errors, label) {
  return (errors || []).map((e) => {
    const where = e.instancePath || '(root)';
    const p = e.params || {};
    let detail = '';
    if (p.additionalProperty) detail = ` '${p.additionalProperty}'`;
    else if (p.allowedValues) detail = ` (${p.allowedValues.join(', ')})`;
    else if (p.allowedValue !== undefined) detail = ` (${JSON.stringify(p.allowedValue)})`;
    return `${label}: ${where} ${e.message}${detail}`;
  });
}

/**
 * Validates a (filled) manifest object against the bundled schema of its manifestVersion.
 * Returns a list of error messages; empty when valid.
 */
function validateManifest(manifest) {
  if (!manifest || typeof manifest !== 'object') return ['manifest: (root) must be an object'];
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') {
    return ["manifest: (root) must have required property 'manifestVersion'"];
  }
  let validate;
  try {
    validate = getValidator(version, 'manifest');
  } catch (e) {
    return [`manifest: /manifestVersion ${e.message}`];
  }
  const errors = [];
  if (!validate(JSON.parse(JSON.stringify(manifest)))) errors.push(...formatErrors(validate.errors, 'manifest'));
  const expectedSchema = `/teams/v${version}/MicrosoftTeams.schema.json`;
  if (manifest.$schema && !String(manifest.$schema).endsWith(expectedSchema)) {
    errors.push(`manifest: /$schema should end with ${expectedSchema} for manifestVersion ${version}`);
  }
  const leftover = listPlaceholders(JSON.stringify(manifest));
  if (leftover.length) errors.push(`manifest: unfilled placeholders ${leftover.join(', ')}`);
  return errors;
}

/** Reads a dotted/indexed localization key (e.g. bots[0].commandLists[1].commands[2].title) from the manifest. */
function lookup(manifest, key) {
  let node = manifest;
  for (const part of key.match(/[^.[\]]+/g) || []) {
    if (node === undefined || node === null) return undefined;
    node = node[/^\d+$/.test(part) ? Number(part) : part];
  }
  return node;
}

/**
 * Validates a (filled) localization file against the bundled localization schema, and checks that each
 * translated key exists in the manifest. Returns a list of error messages; empty when valid.
 */
function validateLocalization(localization, manifest, label = 'localization') {
  const validate = getValidator(manifest.manifestVersion, 'localization');
  const errors = [];
  if (!validate(localization)) errors.push(...formatErrors(validate.errors, label));
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof lookup(manifest, key) !== 'string') errors.push(`${label}: key '${key}' has no string in the manifest`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// The Copilot declarative agent and its plugin (bundled schemas, offline)

const copilotValidators = new Map();

/** A compiled validator for a declarative agent ('declarative-agent', 'v1.6') or plugin ('plugin', 'v2.4') schema. */
function getCopilotValidator(kind, version) {
  const key = `${kind}/${version}`;
  if (copilotValidators.has(key)) return copilotValidators.get(key);
  const file = path.join(COPILOT_SCHEMA_ROOT, kind, version, 'schema.json');
  if (!fs.existsSync(file)) throw new Error(`No bundled ${kind} schema ${version} (looked for ${file})`);
  const schema = readSchema(file);
  const Ajv = require(require.resolve('ajv-draft-04', { paths: [appManifestDir] }));
  const addFormats = require(require.resolve('ajv-formats', { paths: [appManifestDir] }));
  const ajv = new (Ajv.default || Ajv)({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormats.default || addFormats)(ajv);
  const validate = ajv.compile(schema);
  copilotValidators.set(key, validate);
  return validate;
}

/** Validates a (filled) declarative agent or plugin manifest against the bundled schema of its version. */
function validateCopilotFile(kind, doc, label) {
  const version = kind === 'plugin' ? doc && doc.schema_version : doc && doc.version;
  if (typeof version !== 'string')
    return [`${label}: (root) has no ${kind === 'plugin' ? 'schema_version' : 'version'}`];
  let validate;
  try {
    validate = getCopilotValidator(kind, version);
  } catch (e) {
    return [`${label}: ${e.message}`];
  }
  const { $schema: _schema, ...rest } = doc;
  return validate(rest) ? [] : formatErrors(validate.errors, label);
}

/** The [[tokens]] a text uses (declarative agent and plugin localizable fields). */
function listTokens(text) {
  return [...new Set([...text.matchAll(/"\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]"/g)].map((m) => m[1]))];
}

// ---------------------------------------------------------------------------------------------------------------
// Icons

/** Checks the colour (192×192) and outline (32×32, only white or fully transparent pixels) icons. */
function checkIcons(manifest, dir = APP_DIR) {
  const { PNG } = require('pngjs');
  const errors = [];
  const read = (name) => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      errors.push(`icons: ${name} not found in ${dir}`);
      return null;
    }
    try {
      return PNG.sync.read(fs.readFileSync(file));
    } catch (e) {
      errors.push(`icons: ${name} is not a readable PNG (${e.message})`);
      return null;
    }
  };
  const color = manifest.icons && read(manifest.icons.color);
  if (color && (color.width !== 192 || color.height !== 192)) {
    errors.push(`icons: ${manifest.icons.color} must be 192×192, is ${color.width}×${color.height}`);
  }
  const outline = manifest.icons && read(manifest.icons.outline);
  if (outline) {
    if (outline.width !== 32 || outline.height !== 32) {
      errors.push(`icons: ${manifest.icons.outline} must be 32×32, is ${outline.width}×${outline.height}`);
    }
    let bad = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (!(a === 0 || (a === 255 && r === 255 && g === 255 && b === 255))) bad++;
    }
    if (bad) errors.push(`icons: ${manifest.icons.outline} has ${bad} pixels that are neither white nor transparent`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// Package

/**
 * BOT_DOMAIN is the host of BOT_ENDPOINT: when it is not set (absent or empty) it is taken from BOT_ENDPOINT, so the
 * bot's address is configured once.
 */
function withDerivedVars(vars) {
  if (vars.BOT_DOMAIN !== undefined && vars.BOT_DOMAIN !== '') return vars;
  if (vars.BOT_ENDPOINT === undefined || vars.BOT_ENDPOINT === '') return vars;
  let host;
  try {
    host = new URL(vars.BOT_ENDPOINT).host;
  } catch {
    throw new Error(`BOT_ENDPOINT is not a URL: ${vars.BOT_ENDPOINT}`);
  }
  return { ...vars, BOT_DOMAIN: host };
}

/**
 * Fills, validates and zips the app package. Throws (with every problem listed) when anything is wrong.
 * Returns { zipPath, manifest, files }.
 */
function buildPackage({ env = 'local', vars: given = process.env, appDir = APP_DIR, outDir = DEFAULT_OUT_DIR } = {}) {
  const AdmZip = require('adm-zip');
  const vars = withDerivedVars(given);
  const manifestText = fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8');
  let raw;
  try {
    raw = JSON.parse(manifestText);
  } catch (e) {
    throw new Error(`teamsapp/manifest.json is not valid JSON: ${e.message}`, { cause: e });
  }
  const info = raw.localizationInfo || {};
  const locFiles = [
    ...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info.additionalLanguages || []).map((l) => l.file),
  ];
  // The Copilot agent's files: the declarative agent, each action's plugin, each plugin's MCP tool description.
  const agentFiles = [];
  const readJsonFile = (file) => {
    const full = path.join(appDir, file);
    if (!fs.existsSync(full)) throw new Error(`${file} (referenced by the app package) not found`);
    try {
      return JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (e) {
      throw new Error(`${file} is not valid JSON: ${e.message}`, { cause: e });
    }
  };
  for (const da of (raw.copilotAgents && raw.copilotAgents.declarativeAgents) || []) {
    agentFiles.push(['declarative-agent', da.file]);
    for (const action of readJsonFile(da.file).actions || []) {
      agentFiles.push(['plugin', action.file]);
      // A plugin may name more files (an OpenAPI description, an MCP tool description): they go in the zip too.
      for (const rt of readJsonFile(action.file).runtimes || []) {
        const spec = rt.spec || {};
        const more =
          (spec.mcp_tool_description && spec.mcp_tool_description.file) || (rt.type === 'OpenApi' && spec.url);
        if (more && !/^https?:/.test(more)) agentFiles.push(['file', more]);
      }
    }
  }

  // Collect all missing variables across files before failing, so one run names them all.
  const texts = [['manifest.json', manifestText]];
  for (const file of locFiles) {
    const full = path.join(appDir, file);
    if (!fs.existsSync(full)) throw new Error(`Localization file ${file} (from manifest localizationInfo) not found`);
    texts.push([file, fs.readFileSync(full, 'utf8')]);
  }
  texts.push(...agentFiles.map(([, file]) => [file, fs.readFileSync(path.join(appDir, file), 'utf8')]));
  const missing = [...new Set(texts.flatMap(([, t]) => listPlaceholders(t)))].filter((n) => vars[n] === undefined);
  if (missing.length) fillPlaceholders(texts.map(([, t]) => t).join('\n'), vars, { source: `environment "${env}"` });

  const filledAll = texts.map(([name, text]) => [name, fillPlaceholders(text, vars, { source: name })]);
  const filled = filledAll.slice(0, 1 + locFiles.length);
  const filledAgent = filledAll.slice(1 + locFiles.length);
  const manifest = JSON.parse(filled[0][1]);
  const errors = validateManifest(manifest);
  for (const [name, text] of filled.slice(1)) errors.push(...validateLocalization(JSON.parse(text), manifest, name));
  filledAgent.forEach(([name, text], i) => {
    const kind = agentFiles[i][0];
    const doc = JSON.parse(text);
    if (kind === 'file') return;
    errors.push(...validateCopilotFile(kind, doc, name));
    // Every [[token]] has a value in every localization file.
    for (const token of listTokens(text)) {
      for (const [locName, locText] of filled.slice(1)) {
        const keys = JSON.parse(locText).localizationKeys || {};
        if (typeof keys[`[[${token}]]`] !== 'string')
          errors.push(`${locName}: no localizationKeys value for [[${token}]] (${name})`);
      }
    }
  });
  errors.push(...checkIcons(manifest, appDir));
  if (errors.length) {
    const empty = [...new Set(texts.flatMap(([, t]) => listPlaceholders(t)))].filter((n) => vars[n] === '');
    if (empty.length)
      errors.push(`note: these variables are empty: ${empty.join(', ')} (provision first, or set them)`);
    throw new Error(`The Teams app package is not valid:\n  - ${errors.join('\n  - ')}`);
  }

  const zip = new AdmZip();
  for (const [name, text] of filledAll) zip.addFile(name, Buffer.from(text, 'utf8'));
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.addFile(icon, fs.readFileSync(path.join(appDir, icon)));
  }
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, manifest, files: zip.getEntries().map((e) => e.entryName) };
}

function parseArgs(argv) {
  const args = { env: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--env') args.env = argv[++i];
    else if (a.startsWith('--env=')) args.env = a.slice(6);
    else if (a === '--out') args.out = argv[++i];
    else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new Error(`Unknown argument ${a} (use --env NAME, --out DIR)`);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: npm run package [-- --env local|dev|playground] [--out DIR]');
    return;
  }
  const env = args.env || process.env.TEAMSFX_ENV || 'local';
  const read = loadEnv(env);
  const { zipPath, files } = buildPackage({ env, outDir: args.out ? path.resolve(args.out) : DEFAULT_OUT_DIR });
  if (read.length) console.log(`variables from ${read.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
  console.log(`contents: ${files.join(', ')}`);
  const rel = path.relative(process.cwd(), zipPath);
  console.log(rel && !rel.startsWith('..') ? rel : zipPath);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`package-app: ${e.message}`);
    process.exit(1);
  }
}

module.exports = {
  loadEnv,
  listPlaceholders,
  fillPlaceholders,
  validateManifest,
  validateLocalization,
  checkIcons,
  buildPackage,
  validateCopilotFile,
  listTokens,
  SCHEMA_ROOT,
  COPILOT_SCHEMA_ROOT,
};
