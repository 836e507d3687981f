import { runCli } from '../../src/cli/main';

/**
 * The command line's own entry (src/cli/main.ts runCli, what `npm run cli --` runs) in this process, with the
 * environment a spawned line would get (this process's, and `env` over it): its exit code and what it printed, a line
 * each. Each call opens and closes the store as a process of its own does. The commands spawned as typed, npm and
 * the build in dist/ included, are test/commands/readme-commands.test.ts's.
 */
export async function cliInProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: { ...process.env, ...env },
  });
  return { code, out, err };
}
