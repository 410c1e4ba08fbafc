import * as fs from 'fs';
import * as path from 'path';
import type { LintConfig } from '../engine/config';
import { loadConfigFiles, mergeConfig, type ConfigFileResult } from '../engine/config-files';
import { MemoryWorkspace, type Workspace } from '../engine/workspace';
import { displayPath } from './report';
import { fail } from './usage';

/**
 * `--config <file>`: one configuration file for every linted file, instead of the
 * .dockhand.yaml/.hadolint.yaml found by walking up. A name containing `hadolint` is read as
 * hadolint's format, anything else as ours (YAML, or JSON for `.json`). The engine's loader
 * finds config files by their usual names, so the file is shown to it under that name in a
 * one-file in-memory folder.
 */
export function loadConfigFile(file: string): ConfigFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`cannot read config file ${file}${code === 'ENOENT' ? ': no such file (check the path)' : ` (${code ?? String(error)})`}`);
  }
  const base = path.basename(file);
  const name = /hadolint/i.test(base) ? '.hadolint.yaml' : /\.json$/i.test(base) ? '.dockhand.json' : '.dockhand.yaml';
  const folder = path.resolve(path.dirname(file), `.dockhand-config-${process.pid}`);
  const workspace = new MemoryWorkspace({ [path.join(folder, name)]: text }, [folder]);
  const result = loadConfigFiles(path.join(folder, 'Dockerfile'), workspace);
  return {
    config: result.config,
    sources: [path.resolve(file)],
    errors: result.errors.map((e) => ({ path: file, message: e.message.split(name).join(base) })),
  };
}

interface FolderConfig {
  id: number;
  /** The config files' settings under the command line's. */
  config: LintConfig;
  errors: ConfigFileResult['errors'];
}

/**
 * The configuration of each linted file: `--config`'s, or the config files found by walking up
 * from its folder, under the command line's settings. Found once per folder when the files cannot
 * change during the run (no fixes planned); each problem in a config file is printed once.
 */
export class ConfigLookup {
  private readonly byFolder = new Map<string, FolderConfig>();
  private readonly configs: LintConfig[] = [];
  private readonly printed = new Set<string>();

  constructor(
    private readonly explicit: ConfigFileResult | undefined,
    private readonly cli: LintConfig,
    private readonly workspace: Workspace,
    private readonly oncePerFolder: boolean,
  ) {}

  /** The configuration of `file`. */
  of(file: string): LintConfig {
    return this.find(file).config;
  }

  /** A number standing for the configuration of `file`, an index into `all()` (needs oncePerFolder). */
  idOf(file: string): number {
    return this.find(file).id;
  }

  all(): readonly LintConfig[] {
    return this.configs;
  }

  /** The configuration of `file`, after printing the problems of its config files not printed yet. */
  announced(file: string): LintConfig {
    const found = this.find(file);
    for (const error of found.errors) {
      const line = `dockhand: ${displayPath(error.path)}: ${error.message}`;
      if (this.printed.has(line)) continue;
      this.printed.add(line);
      process.stderr.write(line + '\n');
    }
    return found.config;
  }

  private find(file: string): FolderConfig {
    const folder = this.explicit ? '' : path.dirname(path.resolve(file));
    const known = this.oncePerFolder ? this.byFolder.get(folder) : undefined;
    if (known) return known;
    const found = this.explicit ?? loadConfigFiles(file, this.workspace);
    const entry: FolderConfig = { id: -1, config: mergeConfig(found.config, this.cli), errors: found.errors };
    if (this.oncePerFolder) {
      entry.id = this.configs.push(entry.config) - 1;
      this.byFolder.set(folder, entry);
    }
    return entry;
  }
}
