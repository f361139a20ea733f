import { UsageError, type CliIo, type CommandEntry } from './command.js';

function helpText(commands: readonly CommandEntry[]): string {
  const lines = ['samlscope: diagnose SAML SSO between AWS IAM Identity Center and Atlassian Data Center.', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `samlscope <command> --help` for a command\'s options.');
  return lines.join('\n') + '\n';
}

/**
 * Dispatches argv to one of `commands`. Returns the exit code; never calls process.exit itself. The list is a
 * parameter so the analyze-only bundle (main-analyze.ts) can hold the analyze command alone (run-cli.ts passes all).
 */
export async function dispatch(argv: string[], io: CliIo, commands: readonly CommandEntry[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`samlscope: unknown command '${name}'.\n\n${helpText(commands)}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`samlscope ${name}: ${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
