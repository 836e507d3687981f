import { ownersOfPlan } from '../domain/owners';
import { loadConfig, ConfigError } from '../config';
import { loadPlan } from '../plan/load';
import { PlanError } from '../plan/schema';
import { checkPlan } from '../plan/check';
import { bogotaDate, isIsoDate, yearOf } from '../calendar';
import { createPlanBook } from '../progress/plans';
import { statusOfPlan } from './plan';
import { statusJson } from '../views/status-json';
import { checkReport, statusTable } from './format';
import { openReadStore, parse, UsageError, type CliIo } from './io';
import { commands as extraCommands } from './commands';
import { catalog, configFailureText, errorText, planFailureText } from '../i18n';

/** `npm run cli -- <command>`: status | check-plan | import-reports. Exit codes: 0 ok, 1 findings/invalid data, 2 usage. */

/** The command line speaks Spanish (the planning office's operators). */
const t = catalog('es').cli;
const USAGE = t.usage;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'status':
        return await status(rest, io);
      case 'check-plan':
        return checkPlanCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default: {
        const extra = extraCommands[command];
        if (extra) return await extra(rest, io);
        io.err(`${t.unknownCommand(command)}\n\n${USAGE}`);
        return 2;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof PlanError) {
      const operator = catalog('es').operator;
      io.err(e instanceof ConfigError ? configFailureText(e.failure, operator) : planFailureText(e.failure, operator));
      return 1;
    }
    io.err(t.error(errorText(e)));
    return 1;
  }
}

async function status(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    year: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
    plan: { type: 'string' },
  });
  const config = loadConfig(io.env);
  const asOf = (values['as-of'] as string | undefined) ?? bogotaDate(config.now ?? new Date());
  if (!isIsoDate(asOf)) throw new UsageError(t.asOfInvalid(asOf));
  const yearText = (values.year as string | undefined) ?? String(yearOf(asOf));
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(t.yearInvalid(yearText));
  const plan = loadPlan();
  const store = await openReadStore(config);
  try {
    // The plan named, or the plan in force at the as-of date; its version in force then (plan/versions.ts).
    const book = createPlanBook(plan, store, config.bands);
    const service = await statusOfPlan(book, values.plan as string | undefined, asOf);
    const figures = await service.figures(Number(yearText), asOf);
    // The owners of the plan shown (a reused id has other owners in another plan).
    const owners = store ? ownersOfPlan(await store.allOwners(), service.plan.id) : {};
    const json = statusJson(figures, (id) => owners[id] ?? []);
    io.out(values.json ? JSON.stringify(json, null, 2) : statusTable(json));
    return 0;
  } finally {
    await store?.close();
  }
}

function checkPlanCommand(args: string[], io: CliIo): number {
  const { values } = parse(args, { json: { type: 'boolean' } });
  const result = checkPlan(loadPlan());
  io.out(values.json ? JSON.stringify(result, null, 2) : checkReport(result));
  return result.ok ? 0 : 1;
}

/** The process entry: runs the CLI on process.argv and sets process.exitCode (used by scripts/run-cli.js too). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const code = await runCli(argv, {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    env: process.env,
  });
  process.exitCode = code;
  return code;
}

if (require.main === module) void main();
