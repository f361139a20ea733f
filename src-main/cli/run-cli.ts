import { UsageError, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';

function helpText(): string {
  const lines = ['samlscope: diagnose SAML SSO between AWS IAM Identity Center and Atlassian Data Center.', '', 'Commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `samlscope <command> --help` for a command\'s options.');
  return lines.join('\n') + '\n';
}

/** Dispatches argv to a command. Returns the exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`samlscope: unknown command '${name}'.\n\n${helpText()}`);
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
