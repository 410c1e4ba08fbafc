import * as fs from 'fs';
import * as path from 'path';
import { loadConfigFiles, type ConfigFileResult } from '../engine/config-files';
import { MemoryWorkspace } from '../engine/workspace';
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
