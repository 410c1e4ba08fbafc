import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileFeatures } from '../../server/src/lsp/features/dockerfile';
import { corpusFiles, skipWithoutCorpus } from './corpus';

/** What BuildKit sees: every instruction's keyword, arguments and heredoc bodies, and every comment. */
function meaning(text: string): unknown {
  const dockerfile = DockerfileParser.parse(text);
  const lines = text.split(/\r?\n/);
  return {
    directives: dockerfile.getDirectives().map((d) => [d.getName(), d.getValue()]),
    instructions: dockerfile.getInstructions().map((instruction) => {
      const heredocs = (instruction as unknown as { getHeredocs?: () => { getContentRange(): { start: { line: number }; end: { line: number } } | null }[] }).getHeredocs?.() ?? [];
      return {
        keyword: instruction.getKeyword(),
        args: instruction.getArguments().map((a) => a.getValue()),
        heredocs: heredocs.map((h) => {
          const range = h.getContentRange();
          return range ? lines.slice(range.start.line, range.end.line + 1).join('\n') : '';
        }),
      };
    }),
    comments: dockerfile.getComments().map((c) => c.getContent()),
  };
}

function apply(text: string, edits: ReturnType<DockerfileFeatures['format']>): string {
  return TextDocument.applyEdits(TextDocument.create('file:///Dockerfile', 'dockerfile', 1, text), edits);
}

describe('formatting the corpus of real Dockerfiles', function () {
  this.timeout(300000);

  before(function () {
    skipWithoutCorpus(this);
  });

  it('keeps every instruction, heredoc and comment, changes only indentation, and is idempotent', () => {
    const features = new DockerfileFeatures();
    const problems: string[] = [];
    let changed = 0;
    const files = corpusFiles('dockerfiles');
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const options of [{ tabSize: 4, insertSpaces: true }, { tabSize: 2, insertSpaces: false }]) {
        const once = apply(text, features.format(text, options));
        if (once !== text) changed++;
        const name = `${path.basename(file)} (${options.insertSpaces ? 'spaces' : 'tabs'})`;
        try {
          assert.deepStrictEqual(meaning(once), meaning(text));
        } catch {
          problems.push(`${name}: instructions changed`);
          continue;
        }
        const strip = (t: string) => t.split(/\r?\n/).map((l) => l.replace(/^[ \t]+/, '')).join('\n');
        if (strip(once) !== strip(text)) problems.push(`${name}: changed more than indentation`);
        const twice = features.format(once, options);
        if (twice.length > 0) problems.push(`${name}: formatting twice changes ${twice.length} more lines`);
      }
    }
    assert.ok(files.length > 100, `expected the corpus, read ${files.length} files`);
    assert.ok(changed > 0, 'the formatter changed nothing in the whole corpus: the test would prove nothing');
    assert.deepStrictEqual(problems.slice(0, 10), [], `${problems.length} problems`);
  });

  it('keeps the arguments inside a quoted string split over lines and words joined by a continuation', () => {
    const features = new DockerfileFeatures();
    const text = 'FROM alpine\n  RUN apk add \\\n        curl \\\n  git\nRUN echo "one \\\n      two"\nRUN echo a\\\nb\nRUN <<EOF\n    indented\nEOF\n   # comment\n';
    assert.strictEqual(apply(text, features.format(text, { tabSize: 4, insertSpaces: true })),
      'FROM alpine\nRUN apk add \\\n    curl \\\n    git\nRUN echo "one \\\n      two"\nRUN echo a\\\nb\nRUN <<EOF\n    indented\nEOF\n# comment\n');
  });
});
