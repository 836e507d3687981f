import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root (where data/plan.json and cards/ live), found by walking up from this file, so the same code
 * runs from src/ (jest), dist/src/ (npm start) or any other build folder inside the project. Not finding it is a
 * broken checkout or build (a developer's condition, thrown while the module loads): its message is plain English.
 */
function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'data', 'plan.json')) && existsSync(join(dir, 'cards'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`The project folder (with data/plan.json and cards/) was not found above ${from}`);
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const PLAN_FILE = join(PROJECT_ROOT, 'data', 'plan.json');
export const CARDS_DIR = join(PROJECT_ROOT, 'cards');

/** The version in package.json (what the MCP server and the OpenAPI document announce). */
export const APP_VERSION: string = (() => {
  try {
    return String(
      (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0',
    );
  } catch {
    return '0.0.0';
  }
})();
/** The dashboard tab's built scripts and styles (`npm run build`, scripts/build-tab.js; git-ignored). */
export const TAB_ASSETS_DIR = join(PROJECT_ROOT, 'dist', 'tab');
