import * as path from 'path';
import { ignoreMatcher } from '../ignore-file';
import type { Workspace } from '../workspace';
import { findComposeBuilders, type ComposeBuildLink } from '../compose/build-links';

export interface Dockerignore {
  path: string;
  content: string;
  /** True when the path (relative to the context, `/`-separated) is excluded from the context. */
  ignores(relativePath: string): boolean;
}

/** What a Dockerfile's build sees beyond its own text. Computed lazily, once per lint. */
export class BuildContextFacts {
  private composeCache?: ComposeBuildLink[];
  private ignoreCache?: Dockerignore | null;
  private targetCache?: { target: string | undefined };
  private packageJsonCache?: { value: PackageJson | undefined };
  private contextDirCache?: string;

  constructor(
    readonly workspace: Workspace,
    readonly dockerfilePath: string,
    /** False for text with no folder around it (stdin): cross-file rules stay quiet. */
    readonly onDisk: boolean,
  ) {}

  /** Compose services that build this Dockerfile. */
  get composeServices(): ComposeBuildLink[] {
    if (!this.onDisk) return [];
    this.composeCache ??= findComposeBuilders(this.workspace, this.dockerfilePath);
    return this.composeCache;
  }

  /** The `build.target` the Compose services building this file agree on, if any. */
  get composeTarget(): string | undefined {
    // Asked for every RUN (which stage is final): found once.
    if (this.targetCache === undefined) this.targetCache = { target: agreedTarget(this.composeServices) };
    return this.targetCache.target;
  }

  /** The build context folder: the Compose `build.context` when a service builds this file, else its folder. */
  get contextDir(): string {
    return (this.contextDirCache ??= this.composeServices[0]?.contextDir ?? path.dirname(path.resolve(this.dockerfilePath)));
  }

  /** Where BuildKit looks for ignore files, in order: `<Dockerfile>.dockerignore` beside it, then the context's. */
  get dockerignoreCandidates(): string[] {
    const resolved = path.resolve(this.dockerfilePath);
    return [`${resolved}.dockerignore`, path.join(this.contextDir, '.dockerignore')];
  }

  get dockerignore(): Dockerignore | undefined {
    if (this.ignoreCache !== undefined) return this.ignoreCache ?? undefined;
    this.ignoreCache = null;
    if (!this.onDisk) return undefined;
    for (const candidate of this.dockerignoreCandidates) {
      const content = this.workspace.readFile(candidate);
      if (content === undefined) continue;
      const matcher = ignoreMatcher(content.split(/\r?\n/));
      this.ignoreCache = { path: candidate, content, ignores: (p) => matcher.ignores(p) };
      break;
    }
    return this.ignoreCache ?? undefined;
  }

  contextPath(relative: string): string {
    return path.join(this.contextDir, relative);
  }

  contextFileExists(relative: string): boolean {
    return this.onDisk && this.workspace.exists(this.contextPath(relative));
  }

  readContextFile(relative: string): string | undefined {
    return this.onDisk ? this.workspace.readFile(this.contextPath(relative)) : undefined;
  }

  /** `package.json` of the build context, parsed, if there is one (read once per lint: a rule asks on every lint for its reuse key). */
  get packageJson(): PackageJson | undefined {
    if (this.packageJsonCache === undefined) this.packageJsonCache = { value: this.readPackageJson() };
    return this.packageJsonCache.value;
  }

  private readPackageJson(): PackageJson | undefined {
    const text = this.readContextFile('package.json');
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as unknown;
      return value && typeof value === 'object' ? (value as PackageJson) : undefined;
    } catch {
      return undefined;
    }
  }
}

function agreedTarget(services: ComposeBuildLink[]): string | undefined {
  if (services.length === 0) return undefined;
  const target = services[0].target;
  return services.every((s) => s.target === target) ? target : undefined;
}

export interface PackageJson {
  name?: string;
  main?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  engines?: Record<string, string>;
  packageManager?: string;
}
