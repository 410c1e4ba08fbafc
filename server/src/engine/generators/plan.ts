import * as path from 'path';
import type { Workspace } from '../workspace';
import { generateDockerignore, mergeDockerignore } from './dockerignore';
import { generateDockerfile, type Flavour } from './dockerfile';
import { generateCompose, mergeEnvExample } from './compose';
import { detectProject, type ProjectFacts } from './project';

/**
 * What `dockhand init …` and the editor commands write: the files a generator produces for a
 * folder, each marked create / merge / replace / unchanged so the caller can ask before
 * replacing and show what a merge adds. Writing is the caller's job.
 */

export type GeneratorKind = 'dockerignore' | 'dockerfile' | 'compose';
export const GENERATOR_KINDS: readonly GeneratorKind[] = ['dockerignore', 'dockerfile', 'compose'];

export interface PlannedFile {
  path: string;
  content: string;
  /** create: new file; merge: lines added to a file the user has (never removes); replace: overwrites (ask first). */
  action: 'create' | 'merge' | 'replace' | 'unchanged';
  /** The current content, when the file exists. */
  existing?: string;
  /** For merges: the lines added. */
  added?: string[];
}

export interface PlanOptions {
  flavour?: Flavour;
  port?: number;
  /** The Dockerfile generator also plans a .dockerignore when the folder has none (default true). */
  withDockerignore?: boolean;
}

export type Plan = { facts: ProjectFacts; files: PlannedFile[] } | { facts: ProjectFacts; error: string };

export function planGeneration(kind: GeneratorKind, workspace: Workspace, dir: string, options: PlanOptions = {}): Plan {
  const facts = detectProject(workspace, dir);
  const at = (name: string) => path.join(dir, name);
  if (kind === 'dockerignore') {
    const dockerfile = workspace.readFile(at('Dockerfile'));
    const content = generateDockerignore(workspace, dir, {
      explicitSources: dockerfile ? copiedPaths(dockerfile) : [],
      excludeBuildOutputs: dockerfile === undefined || BUILDS_IN_IMAGE.test(joinContinuations(dockerfile)),
    });
    return { facts, files: [mergeable(workspace, at('.dockerignore'), content, mergeDockerignore)] };
  }
  if (kind === 'dockerfile') {
    const text = generateDockerfile(facts, options);
    if (text === undefined) return { facts, error: noLanguage(dir) };
    const files = [replaceable(workspace, at('Dockerfile'), text)];
    if (options.withDockerignore !== false && !workspace.exists(at('.dockerignore'))) {
      files.push({ path: at('.dockerignore'), action: 'create', content: generateDockerignore(workspace, dir, { explicitSources: copiedPaths(text), excludeBuildOutputs: BUILDS_IN_IMAGE.test(joinContinuations(text)) }) });
    }
    return { facts, files };
  }
  const hasDockerfile = workspace.exists(at('Dockerfile'));
  if (!facts.app && !hasDockerfile && facts.services.length === 0) return { facts, error: noLanguage(dir) };
  const generated = generateCompose(facts, { port: options.port, app: facts.app !== undefined || hasDockerfile });
  const existingName = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'].find((n) => workspace.exists(at(n)));
  const files = [replaceable(workspace, at(existingName ?? 'compose.yaml'), generated.compose)];
  if (generated.envExample) files.push(mergeable(workspace, at('.env.example'), generated.envExample, mergeEnvExample));
  return { facts, files };
}

/** A RUN that builds: the host's build output must not be sent (it would be stale or clash). */
const BUILDS_IN_IMAGE = /^\s*RUN\b.*\b(?:(?:npm|pnpm|yarn)(?: run)? build|tsc|next build|go build|mvnw?|gradlew?|cargo build|dotnet (?:publish|build)|python -m build)\b/im;

function noLanguage(dir: string): string {
  return `no Node.js (package.json), Python (requirements.txt, pyproject.toml), Go (go.mod), Java (pom.xml, build.gradle) or .NET (*.csproj) project found in ${dir}`;
}

function replaceable(workspace: Workspace, file: string, content: string): PlannedFile {
  const existing = workspace.readFile(file);
  if (existing === undefined) return { path: file, content, action: 'create' };
  return { path: file, content, existing, action: existing === content ? 'unchanged' : 'replace' };
}

function mergeable(workspace: Workspace, file: string, generated: string, merge: (a: string, b: string) => { content: string; added: string[] }): PlannedFile {
  const existing = workspace.readFile(file);
  if (existing === undefined) return { path: file, content: generated, action: 'create' };
  const merged = merge(existing, generated);
  return { path: file, content: merged.content, existing, added: merged.added, action: merged.added.length > 0 ? 'merge' : 'unchanged' };
}

/**
 * Paths COPY/ADD name in a Dockerfile (not `.`, not from other stages or URLs): a generated
 * .dockerignore must keep them. A light line reader, so the editor command needs no parser.
 */
export function copiedPaths(dockerfile: string): string[] {
  const joined = joinContinuations(dockerfile);
  const out: string[] = [];
  for (const line of joined.split(/\r?\n/)) {
    const match = /^\s*(?:COPY|ADD)\s+(.*)$/i.exec(line);
    if (!match) continue;
    let args: string[];
    const rest = match[1].trim();
    const flags = rest.match(/^(?:--\S+\s+)*/)?.[0] ?? '';
    if (/--from=/.test(flags)) continue;
    const body = rest.slice(flags.length);
    if (body.startsWith('[')) {
      try {
        args = JSON.parse(body) as string[];
      } catch {
        continue;
      }
    } else {
      args = body.split(/\s+/).filter(Boolean);
    }
    if (args.some((a) => a.startsWith('<<'))) continue;
    out.push(...args.slice(0, -1).filter((s) => s !== '.' && s !== './' && !/^[a-z]+:\/\//i.test(s) && !s.includes('$')));
  }
  return [...new Set(out)];
}

function joinContinuations(dockerfile: string): string {
  const escape = /^#\s*escape\s*=\s*`/im.test(dockerfile) ? '`' : '\\';
  return dockerfile.replace(new RegExp(`\\${escape}[ \\t]*\\r?\\n`, 'g'), ' ');
}
