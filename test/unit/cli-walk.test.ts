import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { IgnoreStack, parseGitignore } from '../../server/src/cli/gitignore';
import { compileGlobArgument, expandBraces, isGlob } from '../../server/src/cli/glob';
import { collectTargets } from '../../server/src/cli/files';
import { folder, requireCli, run } from './cli/run';

/** Whether `.gitignore` text ignores a path (relative, '/'-separated) in its folder. */
function ignored(gitignore: string, file: string, isFolder = false): boolean {
  return IgnoreStack.empty().withFile('/repo', gitignore).ignores(path.join('/repo', file), isFolder);
}

describe('.gitignore matching', () => {
  it('matches a name without a slash at any depth, and one with a slash from its own folder only', () => {
    assert.ok(ignored('Dockerfile.generated\n', 'a/b/Dockerfile.generated'));
    assert.ok(ignored('build\n', 'build', true));
    assert.ok(ignored('build\n', 'src/build', true));
    assert.ok(ignored('/build\n', 'build', true));
    assert.ok(!ignored('/build\n', 'src/build', true));
    assert.ok(ignored('docs/build\n', 'docs/build', true));
    assert.ok(!ignored('docs/build\n', 'x/docs/build', true));
  });

  it('applies a trailing slash to folders only', () => {
    assert.ok(ignored('out/\n', 'out', true));
    assert.ok(!ignored('out/\n', 'out', false));
  });

  it('understands *, ?, classes and **', () => {
    assert.ok(ignored('*.tmp\n', 'x/y.tmp'));
    assert.ok(!ignored('*.tmp\n', 'y.tmp.keep'));
    assert.ok(ignored('Dockerfile.?\n', 'Dockerfile.a'));
    assert.ok(!ignored('Dockerfile.?\n', 'Dockerfile.ab'));
    assert.ok(ignored('Dockerfile.[a-c]\n', 'Dockerfile.b'));
    assert.ok(!ignored('Dockerfile.[!a-c]\n', 'Dockerfile.b'));
    assert.ok(ignored('**/gen/Dockerfile\n', 'gen/Dockerfile'));
    assert.ok(ignored('**/gen/Dockerfile\n', 'a/b/gen/Dockerfile'));
    assert.ok(ignored('a/**/Dockerfile\n', 'a/Dockerfile'));
    assert.ok(ignored('a/**/Dockerfile\n', 'a/x/y/Dockerfile'));
    assert.ok(!ignored('a/**/Dockerfile\n', 'b/a/Dockerfile'));
    assert.ok(ignored('tmp/**\n', 'tmp/x/Dockerfile'));
    assert.ok(!ignored('a/*/Dockerfile\n', 'a/x/y/Dockerfile'));
  });

  it('lets the last matching pattern win, so ! re-includes', () => {
    assert.ok(!ignored('Dockerfile.*\n!Dockerfile.prod\n', 'Dockerfile.prod'));
    assert.ok(ignored('Dockerfile.*\n!Dockerfile.prod\n', 'Dockerfile.dev'));
    assert.ok(ignored('!Dockerfile.prod\nDockerfile.*\n', 'Dockerfile.prod'));
  });

  it('skips comments and blanks, honours escapes and trailing spaces', () => {
    assert.strictEqual(parseGitignore('# comment\n\n   \n').length, 0);
    assert.ok(ignored('\\#file\n', '#file'));
    assert.ok(ignored('\\!important\n', '!important'));
    assert.ok(ignored('Dockerfile   \n', 'Dockerfile'));
    assert.ok(ignored('a\\ \n', 'a '));
    assert.ok(ignored('x\r\ny\r\n', 'y'));
  });

  it('gives deeper .gitignore files the last word', () => {
    const stack = IgnoreStack.empty().withFile('/repo', 'Dockerfile.*\n').withFile('/repo/svc', '!Dockerfile.prod\n');
    assert.ok(!stack.ignores('/repo/svc/Dockerfile.prod', false));
    assert.ok(stack.ignores('/repo/other/Dockerfile.prod', false));
  });
});

describe('glob arguments', () => {
  it('recognises globs and splits off the folder to walk', () => {
    assert.ok(isGlob('**/Dockerfile*'));
    assert.ok(!isGlob('services/Dockerfile'));
    assert.ok(!isGlob('Dockerfile\\*'));
    const glob = compileGlobArgument('services/**/Dockerfile*');
    assert.strictEqual(glob.base, 'services');
    assert.ok(glob.matches('Dockerfile'));
    assert.ok(glob.matches('api/Dockerfile.prod'));
    assert.ok(!glob.matches('api/compose.yaml'));
    assert.strictEqual(compileGlobArgument('/abs/*/compose.yaml').base, '/abs');
  });

  it('expands braces', () => {
    assert.deepStrictEqual(expandBraces('{a,b}/Dockerfile{,.prod}'), ['a/Dockerfile', 'a/Dockerfile.prod', 'b/Dockerfile', 'b/Dockerfile.prod']);
    assert.deepStrictEqual(expandBraces('{single}'), ['{single}']);
    assert.ok(compileGlobArgument('**/{compose,docker-compose}.yml').matches('x/docker-compose.yml'));
  });
});

describe('folder walking', () => {
  const tree = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'generated/\nDockerfile.local\n',
    Dockerfile: 'FROM node:20-slim\n',
    'Dockerfile.local': 'FROM node:20-slim\n',
    'generated/Dockerfile': 'FROM node:20-slim\n',
    'node_modules/pkg/Dockerfile': 'FROM node:20-slim\n',
    'build/Dockerfile': 'FROM node:20-slim\n',
    'svc/.gitignore': '*.yaml\n!compose.yaml\n',
    'svc/compose.yaml': 'services: {}\n',
    'svc/compose.override.yaml': 'services: {}\n',
    'svc/deep/Dockerfile.local': 'FROM node:20-slim\n',
  };

  const names = (dir: string, inputs: string[], kind?: 'dockerfile' | 'compose') => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      return collectTargets(inputs, kind, () => assert.fail('nothing is missing')).targets.map((t) => t.path.split(path.sep).join('/'));
    } finally {
      process.chdir(cwd);
    }
  };

  it('skips node_modules, .git and what the .gitignore files (nested ones too) exclude', () => {
    const dir = folder(tree);
    assert.deepStrictEqual(names(dir, ['.']), ['Dockerfile', 'build/Dockerfile', 'svc/compose.yaml']);
  });

  it('applies the .gitignore files above a folder inside the repository', () => {
    const dir = folder(tree);
    assert.deepStrictEqual(names(dir, ['svc']), ['svc/compose.yaml']);
  });

  it('lints a file named on the command line even when it is ignored', () => {
    const dir = folder(tree);
    assert.deepStrictEqual(names(dir, ['Dockerfile.local']), ['Dockerfile.local']);
  });

  it('--kind on a folder takes the files found as that kind, but never hidden files, docs, scripts or JSON, and only YAML as Compose', () => {
    const dir = folder({
      'corpus/acme__api__Dockerfile': 'FROM a\n',
      'corpus/acme__web__build.docker': 'FROM b\n',
      'corpus/.dockerignore': '.git\n',
      'corpus/.env.example': 'A=1\n',
      'corpus/README.md': '# corpus\n',
      'corpus/run.sh': 'echo\n',
      'corpus/compose.yaml': 'services: {}\n',
      'corpus/db.secrets': 'x\n',
    });
    assert.deepStrictEqual(names(dir, ['corpus'], 'dockerfile'), ['corpus/acme__api__Dockerfile', 'corpus/acme__web__build.docker', 'corpus/compose.yaml', 'corpus/db.secrets']);
    assert.deepStrictEqual(names(dir, ['corpus']), ['corpus/compose.yaml']);
    assert.deepStrictEqual(names(dir, ['corpus'], 'compose'), ['corpus/compose.yaml']);
  });

  it('walks globs from their literal folder, with the same exclusions', () => {
    const dir = folder(tree);
    assert.deepStrictEqual(names(dir, ['**/Dockerfile*']), ['Dockerfile', 'build/Dockerfile']);
    assert.deepStrictEqual(names(dir, ['svc/*.yaml']), ['svc/compose.yaml']);
  });

  describe('through the CLI', () => {
    before(requireCli);

    it('lints what a glob matches and reports a glob that matches nothing as missing', () => {
      const dir = folder(tree);
      const report = JSON.parse(run(['lint', '**/Dockerfile*', '--format', 'json', '--fail-level', 'none'], dir).stdout);
      assert.deepStrictEqual(report.files.map((f: { path: string }) => f.path), ['Dockerfile', 'build/Dockerfile']);
      const none = run(['lint', 'nothing/**/Dockerfile'], dir);
      assert.strictEqual(none.code, 2);
      assert.match(none.stderr, /^dockhand: no such file or directory: nothing\/\*\*\/Dockerfile \(check the path\)$/m);
      assert.ok(fs.existsSync(path.join(dir, 'generated/Dockerfile')));
    });
  });
});
