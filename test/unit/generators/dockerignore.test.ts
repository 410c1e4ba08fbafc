import * as assert from 'assert';
import { detectEcosystems, generateDockerignore, gitignorePatterns, mergeDockerignore } from '../../../server/src/engine/generators/dockerignore';
import { MemoryWorkspace } from '../../../server/src/engine/workspace';

describe('.dockerignore generator', () => {
  it('detects ecosystems from marker files', () => {
    const ws = new MemoryWorkspace({ '/p/package.json': '{}', '/p/requirements.txt': '', '/p/go.mod': '', '/p/App.csproj': '' });
    assert.deepStrictEqual(detectEcosystems(ws, '/p'), ['node', 'python', 'go', 'dotnet']);
  });

  it('writes each ecosystem\'s folders and always the secrets, with or without build outputs', () => {
    const ws = new MemoryWorkspace({ '/p/pyproject.toml': '' });
    const lines = generateDockerignore(ws, '/p').split('\n');
    for (const line of ['.git', '.env', '!.env.example', '__pycache__', '.venv', 'dist']) assert.ok(lines.includes(line), line);
    assert.ok(!generateDockerignore(ws, '/p', { excludeBuildOutputs: false }).split('\n').includes('dist'));
  });

  it('translates .gitignore patterns to .dockerignore semantics', () => {
    assert.deepStrictEqual(gitignorePatterns('# c\n/build\nnode_modules/\nsrc/gen\n!keep\n'), ['build', 'node_modules', '**/node_modules', 'src/gen']);
  });

  it('merges: keeps the user\'s lines and order, adds only what is missing', () => {
    const merged = mergeDockerignore('node_modules\r\n# mine\r\n.git', '.git\n.env\nnode_modules\n');
    assert.strictEqual(merged.content, 'node_modules\r\n# mine\r\n.git\r\n\r\n# Added by Dockhand\r\n.env\r\n');
    assert.deepStrictEqual(merged.added, ['.env']);
    assert.strictEqual(mergeDockerignore('.env\n', '.env\n').content, '.env\n');
  });
});
