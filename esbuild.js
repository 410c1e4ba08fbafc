// Bundles the client, the language server and the CLI into dist/.
// The server and CLI load tree-sitter's wasm files and the compose-spec JSON schema (from the
// maintained copy in the dclint package) at run time; they are copied beside the bundles.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  // web-tree-sitter's ES build reads import.meta.url, which a CommonJS bundle lacks: use its CommonJS build.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// Only reached when running from sources: the bundles find these files beside themselves.
const runtimeFiles = ['dclint/package.json', 'tree-sitter-bash/tree-sitter-bash.wasm', 'web-tree-sitter/web-tree-sitter.wasm'];
const version = JSON.stringify(require('./package.json').version);
// The rule pages, bundled into the server so hovering a finding explains it from the packaged .vsix too.
function ruleDocs() {
  const dir = path.join(__dirname, 'docs', 'rules');
  const docs = {};
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (file.endsWith('.md')) docs[file.slice(0, -3)] = fs.readFileSync(path.join(dir, file), 'utf8');
  }
  return JSON.stringify(JSON.stringify(docs));
}

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: runtimeFiles, define: { DOCKHAND_VERSION: version, DOCKHAND_RULE_DOCS: ruleDocs() } },
  // The CLI is a small launcher that runs the bundle through V8's code cache (see server/src/cli/launcher.ts).
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-bundle.js', external: runtimeFiles, define: { DOCKHAND_VERSION: version }, plugins: [requireInsteadOfDynamicImport()] },
  { entryPoints: ['server/src/cli/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

/**
 * web-tree-sitter reads its grammar file with `await import("fs/promises")`. The launcher runs the
 * CLI bundle with vm.Script, where a dynamic import has no module loader: make it a require.
 */
function requireInsteadOfDynamicImport() {
  const dynamicImport = 'await import("fs/promises")';
  return {
    name: 'require-instead-of-dynamic-import',
    setup(build) {
      build.onLoad({ filter: /[\\/]web-tree-sitter[\\/].*\.cjs$/ }, async (args) => {
        const text = await fs.promises.readFile(args.path, 'utf8');
        if (!text.includes(dynamicImport)) throw new Error(`${args.path} no longer contains ${dynamicImport}: check how it loads files and update esbuild.js`);
        return { contents: text.split(dynamicImport).join('require("fs/promises")'), loader: 'js' };
      });
    },
  };
}

function copyRuntimeFiles() {
  fs.mkdirSync('dist', { recursive: true });
  const files = [
    require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'),
    path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json'),
  ];
  for (const file of files) fs.copyFileSync(file, path.join('dist', path.basename(file)));
}

async function main() {
  copyRuntimeFiles();
  if (watch) {
    for (const b of builds) (await esbuild.context({ ...common, ...b })).watch();
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  fs.chmodSync('dist/cli.js', 0o755);
  for (const b of builds) assertOneByteSource(b.outfile);
}

/**
 * V8 keeps a script's source as a one-byte string only if every character of it is Latin-1; one
 * other character (an ellipsis left in a comment did it) doubles the 2.4 MB bundle in memory.
 */
function assertOneByteSource(file) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/[^\u0000-\u00ff]/);
  if (at < 0) return;
  const line = text.slice(0, at).split('\n').length;
  throw new Error(`${file}:${line}: character U+${text.codePointAt(at).toString(16).toUpperCase()} outside Latin-1 makes V8 hold the whole bundle as a two-byte string: write it as an escape (or in ASCII) in the source`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
