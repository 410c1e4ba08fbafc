import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { DiskWorkspace } from '../engine/workspace';
import { GENERATOR_KINDS, planGeneration, type GeneratorKind } from '../engine/generators/plan';
import { defaultFlavour, flavoursFor, type Flavour } from '../engine/generators/dockerfile';
import type { ProjectFacts } from '../engine/generators/project';

export const INIT_HELP = `Usage:
  dockhand init dockerignore|dockerfile|compose [dir] [options]

  dockerignore   write .dockerignore for the folder's ecosystems (merged into an existing one: lines are only added)
  dockerfile     write a multi-stage Dockerfile (and a .dockerignore when there is none)
  compose        write compose.yaml with the services the dependencies reveal, and .env.example

Options:
  --force                      replace an existing Dockerfile or Compose file
  --flavour slim|alpine|distroless   runtime base image (default: slim; distroless for Go)
  --port <n>                   the port the app listens on (default: detected, else 3000/8000/8080)
  --dry-run                    print what would be written, write nothing

Exit codes: 0 written (or up to date), 1 a file exists and --force was not given, 2 usage error or nothing to generate.`;

/** `dockhand init …`: writes what the generators plan, never replacing a file without --force. */
export function initCommand(args: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  let values: { force?: boolean; flavour?: string; port?: string; 'dry-run'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        flavour: { type: 'string' },
        flavor: { type: 'string' },
        port: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
    values.flavour ??= (values as { flavor?: string }).flavor;
  } catch (e) {
    err.write(`dockhand: ${(e as Error).message}\n${INIT_HELP}\n`);
    return 2;
  }
  if (values.help) {
    out.write(INIT_HELP + '\n');
    return 0;
  }
  const [kind, dirArg = '.', ...extra] = positionals;
  const usage = (message: string) => {
    err.write(`dockhand: ${message}\n${INIT_HELP}\n`);
    return 2;
  };
  if (!GENERATOR_KINDS.includes(kind as GeneratorKind)) return usage(kind ? `unknown generator '${kind}': use dockerignore, dockerfile or compose` : 'init needs what to generate: dockerignore, dockerfile or compose');
  if (extra.length > 0) return usage(`one folder only (got ${positionals.slice(1).join(', ')})`);
  const flavour = values.flavour;
  if (flavour !== undefined && !['slim', 'alpine', 'distroless'].includes(flavour)) return usage(`unknown flavour '${flavour}': use slim, alpine or distroless`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) return usage(`--port '${values.port}' is not a port number`);
  const dir = path.resolve(dirArg);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return usage(`no such folder: ${dirArg}`);

  const plan = planGeneration(kind as GeneratorKind, new DiskWorkspace([dir]), dir, { flavour: flavour as Flavour | undefined, port });
  if ('error' in plan) {
    err.write(`dockhand: ${plan.error}\n`);
    return 2;
  }
  const summary = describeFacts(plan.facts);
  if (summary) out.write(`Detected ${summary}\n`);
  if (kind === 'dockerfile' && flavour && plan.facts.app && !flavoursFor(plan.facts.app).includes(flavour as Flavour)) {
    err.write(`dockhand: no ${flavour} runtime for this project (${flavoursFor(plan.facts.app).join(', ')} are); using ${defaultFlavour(plan.facts.app)}\n`);
  }
  let refused = 0;
  for (const file of plan.files) {
    const shown = path.relative(process.cwd(), file.path) || file.path;
    if (file.action === 'unchanged') {
      out.write(`  ${shown} is up to date\n`);
      continue;
    }
    if (file.action === 'replace' && !values.force) {
      refused++;
      err.write(`dockhand: ${shown} exists and was not replaced (run again with --force to replace it)\n`);
      continue;
    }
    if (values['dry-run']) {
      out.write(`--- ${shown} (would ${file.action === 'merge' ? 'add lines' : file.action})\n${file.action === 'merge' ? file.added!.join('\n') + '\n' : file.content}`);
      continue;
    }
    fs.writeFileSync(file.path, file.content);
    out.write(`  ${file.action === 'merge' ? `updated ${shown}: added ${summarise(file.added!)}` : `${file.action === 'replace' ? 'replaced' : 'created'} ${shown}`}\n`);
  }
  if (kind === 'compose' && plan.facts.app && !fs.existsSync(path.join(dir, 'Dockerfile'))) {
    out.write('  the app service builds from ./Dockerfile: create it with `dockhand init dockerfile`\n');
  }
  return refused > 0 ? 1 : 0;
}

function describeFacts(facts: ProjectFacts): string {
  const app = facts.app;
  const services = facts.services.length > 0 ? `; services: ${facts.services.join(', ')}` : '';
  if (!app) return facts.ecosystems.length > 0 ? `${facts.ecosystems.join(', ')}${services}` : services.slice(2);
  const port = `port ${app.port.value}${app.port.detected ? '' : ' (default)'}`;
  if (app.language === 'node') {
    return `Node.js ${app.version} (${[app.manager, app.typescript && 'TypeScript', app.next && 'Next.js', app.prisma && 'Prisma'].filter(Boolean).join(', ')}), ${port}${services}`;
  }
  if (app.language === 'python') return `Python ${app.version} (${app.manager}), ${port}${services}`;
  if (app.language === 'dotnet') return `.NET ${app.version} (${app.project}), ${port}${services}`;
  if (app.language === 'java') return `Java ${app.version} (${app.build}${app.wrapper ? ' wrapper' : ''}), ${port}${services}`;
  return `Go ${app.version} (${app.mainPackage}), ${port}${services}`;
}

function summarise(lines: string[]): string {
  return lines.length <= 6 ? lines.join(', ') : `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more`;
}
