import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:vscode`: the editor scenarios through the VS Code API in a downloaded VS Code
 * (@vscode/test-electron). Needs network access to download VS Code; where there is none, the
 * same scenarios run through code-server with `npm run test:editor`.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dockhand-vscode-'));
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  fs.rmSync(path.join(workspace, '.dockerignore'), { force: true });
  try {
    await runTests({
      version: process.env.DOCKHAND_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { DOCKHAND_TEST_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
