import { lintCommand } from './cli/lint';
import { rulesCommand } from './cli/rules';
import { initCommand } from './cli/init';
import { UsageError, fail } from './cli/usage';
import { isLintWorker } from './cli/lint-pool';

declare const DOCKHAND_VERSION: string | undefined;
const VERSION = typeof DOCKHAND_VERSION === 'string' ? DOCKHAND_VERSION : '0.1.0';

const HELP = `dockhand ${VERSION} — Dockerfile and Docker Compose best practices, with fixes

Usage:
  dockhand lint [paths|globs...] [options]  lint files, folders (searched for Dockerfiles and Compose files) or globs
  dockhand rules [--format table|json]      list every rule
  dockhand init dockerignore|dockerfile|compose [dir] [--force] [--flavour slim|alpine|distroless] [--port n]
                                            generate files from the project (see dockhand init --help)
  dockhand <command> --help | dockhand --version

Lint options:
  -f, --format <format>      stylish (default), json, sarif, github, checkstyle or junit
  --fail-level <level>       exit 1 when a finding is at or above: error|warning|information|hint|none
                             (default: the config's fail-level / hadolint failure-threshold, else error)
  --max-warnings <n>         also exit 1 when there are more than n warnings
  --fix                      apply every preferred fix (inside the linted folders), write files, report what is left
  --fix-dry-run              print the fixes as a unified diff (apply with patch -p1), write nothing
  -c, --config <file>        use this .dockhand.yaml or .hadolint.yaml for every file instead of searching
  --rule <id>=<severity>     set a rule's severity (id or peer code, e.g. DL3008=off); repeatable
  --ignore <id>              turn a rule off (id or peer code); repeatable, or comma-separated
  --enable-all               turn on every rule, including those off by default
  --kind dockerfile|compose  treat every path given as this kind
  --stdin                    lint standard input (also: dockhand lint -)
  --stdin-filename <name>    the name standard input stands for (its kind, config and neighbours)
  -q, --quiet                report errors only
  --no-color                 plain output (also when NO_COLOR is set or output is not a terminal)
  -j, --jobs <n>             lint Dockerfiles on n threads (default: one per core but one when there are many)

Folders are walked skipping node_modules, .git, vendor and what .gitignore files exclude.
Config: .dockhand.yaml and .hadolint.yaml are found by walking up from each file; flags win over them.
Exit codes: 0 no finding at or above the fail level, 1 some (or too many warnings), 2 usage error,
missing path or internal error. Errors go to stderr. Docs: docs/cli.md.`;

type Command = (args: string[]) => number | Promise<number>;

/** Subcommands by name: one line each. */
const COMMANDS: Record<string, Command> = {
  lint: (args) => lintCommand(args, { version: VERSION, help: HELP }),
  rules: rulesCommand,
  init: (args) => initCommand(args),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) fail(`unknown command '${command}': use ${Object.keys(COMMANDS).map((c) => `'dockhand ${c}'`).join(', ')} (see dockhand --help)`);
  return run(rest);
}

// A lint worker thread runs this same script (see cli/lint-pool.ts), not the command.
if (require.main === module && !isLintWorker()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
        process.stderr.write(`dockhand: ${(error as Error).message.split('\n')[0]}\n`);
      } else {
        process.stderr.write(`dockhand: internal error (please report it): ${(error as Error)?.stack ?? String(error)}\n`);
      }
      process.exitCode = 2;
    },
  );
}
