import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { ShellCommand, ShellWord } from '../shell';
import { positionals, scriptVariables } from '../shell';
import type { DockerfileModel } from '../model';
import { commandsOf, scriptsOf, siteFact, toolCommandsOf, toolOf, valueOf, type RunSite } from '../shell-facts';

interface Insecure {
  word: ShellWord;
  what: string;
  equivalents: string[];
}

const FALSE = /^(false|0|no|off)$/i;

const INSECURE_PARTS = Symbol('insecureParts');

/** For each command of a RUN, in order, the flags, settings and variables that switch certificate checks off (kept across versions with the RUN's commands). */
function insecurePartsOf(model: DockerfileModel, site: RunSite): Insecure[][] {
  return siteFact(model, site, INSECURE_PARTS, () => toolCommandsOf(model, site).map(findInsecureParts));
}

function findInsecureParts(command: ShellCommand): Insecure[] {
  const found: Insecure[] = [];
  const flag = (test: (v: string) => boolean, what: string, equivalents: string[]) => {
    for (const word of command.args) {
      const v = valueOf(word);
      if (v === '--') break;
      if (test(v)) found.push({ word, what, equivalents });
    }
  };
  const tool = toolOf(command);
  const values = (): string[] => command.args.map(valueOf);
  switch (tool) {
    case 'curl':
      flag((v) => v === '--insecure' || v === '-k' || /^-[a-zA-Z]*k[a-zA-Z]*$/.test(v) && !v.startsWith('--'), '`curl -k/--insecure` accepts any certificate', ['CKV2_DOCKER_2']);
      break;
    case 'wget':
      flag((v) => v === '--no-check-certificate', '`wget --no-check-certificate` accepts any certificate', ['CKV2_DOCKER_3']);
      break;
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      flag((v) => /^--strict-ssl=(false|0)$/i.test(v), `\`${tool} --strict-ssl=false\` accepts any certificate`, ['CKV2_DOCKER_13']);
      const words = values();
      const key = words.findIndex((v) => /^(strict-ssl|strictSsl)$/i.test(v));
      const sub = positionals(command).map(valueOf);
      if (key >= 0 && (sub[0] === 'set' || (sub[0] === 'config' && sub[1] === 'set')) && FALSE.test(words[key + 1] ?? '')) {
        found.push({ word: command.args[key], what: `\`${tool} config set strict-ssl false\` makes every later install accept any certificate`, equivalents: ['CKV2_DOCKER_13'] });
      }
      break;
    }
    case 'git': {
      const words = values();
      const at = words.findIndex((v, i) => /^http\.sslverify(=|$)/i.test(v) && (FALSE.test(v.split('=')[1] ?? '') || FALSE.test(words[i + 1] ?? '')));
      if (at >= 0 && (words.includes('config') || words.includes('-c'))) {
        found.push({ word: command.args[at], what: '`http.sslVerify false` makes git accept any certificate', equivalents: [] });
      }
      break;
    }
    default:
      if (/^pip[\d.]*$/.test(tool) || (/^python[\d.]*$/.test(tool) && command.args.length > 0 && valueOf(command.args[0]) === '-m')) {
        flag((v) => v === '--trusted-host' || v.startsWith('--trusted-host='), '`pip --trusted-host` downloads from that host without checking its certificate', ['CKV2_DOCKER_4']);
        const key = values().findIndex((v) => /^(global|install)\.trusted-host$/.test(v));
        if (key >= 0) found.push({ word: command.args[key], what: '`pip config set global.trusted-host` makes every later install skip certificate checks for that host', equivalents: ['CKV2_DOCKER_4'] });
      }
  }
  return found;
}

/** `GIT_SSL_NO_VERIFY=1 git clone …`, `export NODE_TLS_REJECT_UNAUTHORIZED=0`. */
function insecureAssignment(text: string): string | undefined {
  const [name, value = ''] = text.replace(/["']/g, '').split('=');
  if (name === 'GIT_SSL_NO_VERIFY' && value !== '' && !FALSE.test(value)) return 'GIT_SSL_NO_VERIFY makes git accept any certificate';
  if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && value === '0') return 'NODE_TLS_REJECT_UNAUTHORIZED=0 makes Node.js accept any certificate';
  if (name === 'PYTHONHTTPSVERIFY' && value === '0') return 'PYTHONHTTPSVERIFY=0 makes Python accept any certificate';
  if (/^(NPM_CONFIG_STRICT_SSL|YARN_STRICT_SSL)$/i.test(name) && FALSE.test(value)) return `${name}=false makes the package manager accept any certificate`;
  return undefined;
}

/** Some name insecureAssignment judges may be in the script (plain searches: cheaper than one case-insensitive alternation). */
function mayNameInsecureVariable(source: string): boolean {
  return source.includes('GIT_SSL_NO_VERIFY') || source.includes('NODE_TLS_REJECT_UNAUTHORIZED') || source.includes('PYTHONHTTPSVERIFY')
    || /strict_ssl/i.test(source);
}

const ADVICE = 'Keep certificate checks on; for a private CA, add it to the trust store (`update-ca-certificates`) or point the tool at it (`--cacert`, `cafile`).';

/**
 * A download that accepts any certificate can be swapped by anyone on the network path (a proxy,
 * a compromised Wi-Fi, a CI neighbour): the build then runs their code. Fix the trust store
 * instead (`COPY corp-ca.crt /usr/local/share/ca-certificates/` + `update-ca-certificates`).
 */
export const tlsVerificationDisabled: DockerfileRule = perRun({
  meta: {
    id: 'tls-verification-disabled',
    kind: 'dockerfile',
    title: 'Do not turn TLS certificate verification off in RUN',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_13'],
    fixable: false,
  },
  // The shell that reads the RUN (per stage; an ARG before the first FROM counts as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    // `export NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY=1` as statements: later commands inherit them.
    for (const script of scriptsOf(model, site)) {
      // Reading the statements parses the script again: only when it names a variable insecureAssignment knows.
      if (script.shell !== 'sh' || !mayNameInsecureVariable(script.source)) continue;
      for (const variable of scriptVariables(script.source)) {
        const what = variable.value === undefined ? undefined : insecureAssignment(`${variable.name}=${variable.value}`);
        const start = script.start + variable.start;
        if (what) report({ range: model.lines.rangeOf(start, start + variable.name.length), message: `${what}. ${ADVICE}`, equivalents: [] });
      }
    }
    const insecure = insecurePartsOf(model, site);
    commandsOf(model, site).forEach((raw, index) => {
      for (const part of insecure[index]) {
        report({ range: model.lines.rangeOf(part.word.start, part.word.end), message: `${part.what}. ${ADVICE}`, equivalents: part.equivalents });
      }
      for (const assignment of raw.assignments) {
        const what = insecureAssignment(assignment);
        if (what) report({ range: model.lines.rangeOf(raw.start, raw.nameWord.start), message: `${what}. ${ADVICE}`, equivalents: [] });
      }
    });
  },
});

