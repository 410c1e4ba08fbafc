import * as assert from 'assert';
import * as path from 'path';
import { build } from 'esbuild';

/** The editor commands import the generators directly: that must not drag the linter into the client bundle. */
describe('generator commands in the client', () => {
  it('bundle without parsers, the shell wasm or the language server', async function () {
    this.timeout(30000);
    const root = path.resolve(__dirname, '..', '..', '..', '..');
    const result = await build({
      entryPoints: [path.join(root, 'client', 'src', 'generate.ts')],
      bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const heavy = inputs.filter((i) => /dockerfile-ast|web-tree-sitter|tree-sitter-bash|vscode-languageserver|node_modules\/yaml|node_modules\/ajv|engine\/engine|dockerfile\/model/.test(i));
    assert.deepStrictEqual(heavy, []);
    const bytes = result.outputFiles[0].contents.length;
    assert.ok(bytes < 120_000, `generate.ts bundles to ${bytes} bytes`);
  });
});
