import type { DockerfileRule } from '../../rule';
import { appendLinesEdit } from '../../text';
import { wholeContextCopies } from '../copy-facts';
import { explicitSources } from './missing-dockerignore';

interface Probe {
  pattern: string;
  what: string;
  /** Paths that must be excluded for the pattern to count as present. */
  paths: string[];
  applies?: (facts: { node: boolean; sources: string[] }) => boolean;
}

const PROBES: Probe[] = [
  { pattern: '.git', what: '.git (the whole history)', paths: ['.git', '.git/HEAD'] },
  { pattern: '.env', what: '.env', paths: ['.env'] },
  { pattern: '.env.*', what: '.env.* files', paths: ['.env.local', '.env.production'] },
  { pattern: 'node_modules', what: 'node_modules', paths: ['node_modules', 'node_modules/x/package.json'], applies: (f) => f.node },
  { pattern: '*.pem', what: '*.pem keys', paths: ['server.pem'], applies: (f) => !f.sources.some((s) => /\.pem$/.test(s)) },
  { pattern: '*.key', what: '*.key files', paths: ['server.key'], applies: (f) => !f.sources.some((s) => /\.key$/.test(s)) },
  { pattern: 'id_rsa*', what: 'SSH private keys', paths: ['id_rsa'] },
];

/**
 * A .dockerignore that lets `.env`, `.git`, `node_modules` or private keys through leaks them into
 * every image built with `COPY . .`, where `docker history` and a shell in the container expose them.
 */
export const dockerignoreLeak: DockerfileRule = {
  meta: {
    id: 'dockerignore-leak',
    kind: 'dockerfile',
    title: '.dockerignore should keep secrets, .git and node_modules out of the context',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, build, report }) {
    if (!build.onDisk) return;
    const [copy] = wholeContextCopies(model);
    const ignore = build.dockerignore;
    if (!copy || !ignore) return;
    const facts = {
      node: build.contextFileExists('package.json') || build.contextFileExists('node_modules'),
      sources: explicitSources(model),
    };
    const missing = PROBES.filter((p) => (p.applies?.(facts) ?? true) && p.paths.some((x) => !ignore.ignores(x)));
    if (missing.length === 0) return;
    const patterns = missing.map((m) => m.pattern);
    if (patterns.includes('.env.*') && !/^!\.env\.example\s*$/m.test(ignore.content)) patterns.push('!.env.example');
    report({
      range: copy.instruction.getRange(),
      message: `\`${copy.instruction.getKeyword()} ${copy.sources.join(' ')}\` sends ${missing.map((m) => m.what).join(', ')} into the image: ${ignore.path.split(/[\\/]/).pop()} does not exclude ${missing.length === 1 ? 'it' : 'them'}. Add ${patterns.filter((p) => !p.startsWith('!')).map((p) => `\`${p}\``).join(', ')} to it.`,
      fixes: [{
        title: `Add ${patterns.join(', ')} to ${ignore.path.split(/[\\/]/).pop()}`,
        isPreferred: true,
        changes: [{ kind: 'edit', path: ignore.path, edits: [appendLinesEdit(ignore.content, ['# Added by Dockhand: keep secrets and local state out of the image', ...patterns])] }],
      }],
    });
  },
};
