import * as assert from 'assert';
import * as fs from 'fs';
import * as fc from 'fast-check';
import type { Instruction } from 'dockerfile-ast';
import { libraryRawArguments, parseDockerfileText, reuseAcrossVersions } from '../../server/src/engine/dockerfile/parse-cache';
import { positionsFrom, rawArguments } from '../../server/src/engine/dockerfile/raw-arguments';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Util } from 'dockerfile-ast/lib/util';
import { corpusAvailable, corpusFiles } from '../corpus/corpus';

/** rawArguments must split every instruction exactly as dockerfile-ast's own getRawArguments does; the kept arguments after the flags must be the library's. */

function words(instruction: Instruction, split: (instruction: Instruction) => ReturnType<Instruction['getArguments']>): string {
  return JSON.stringify(split(instruction).map((arg) => [arg.getValue(), arg.getRange()]));
}

function assertSameSplit(text: string): void {
  const ast = parseDockerfileText('/raw-arguments/Dockerfile', text);
  const instructions = [...ast.getInstructions()];
  for (const instruction of ast.getInstructions()) {
    const trigger = instruction.getKeyword() === 'ONBUILD' ? (instruction as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction() : null;
    if (trigger) instructions.push(trigger);
  }
  for (const instruction of instructions) {
    assert.strictEqual(words(instruction, rawArguments), words(instruction, libraryRawArguments), `${JSON.stringify(text)}: ${instruction.getKeyword()}`);
  }
}

/** Pieces that exercise every branch of the tokenizer: escapes before spaces, CR, LF, `$`, end of text; comments inside continuations. */
const PIECES = ['RUN', 'COPY', 'ENV', 'ONBUILD RUN', 'a', 'bc', '$x', ' ', '  ', '\t', '\n', '\r\n', '\r', '\\', '\\ ', '\\\t', '\\\n', '\\\r\n', '\\ \n', '\\ \t\r\n', '\\$', '\\a', '#', '# c\n', '`', '` \n', '`\n', '"', "'", '<<EOF\n', 'EOF\n', '=', '--flag=1'];

describe('raw arguments (our tokenizer vs dockerfile-ast)', () => {
  let reuse: boolean;
  before(() => {
    reuse = reuseAcrossVersions.enabled;
    reuseAcrossVersions.enabled = false;
  });
  after(() => {
    reuseAcrossVersions.enabled = reuse;
  });

  it('splits hand-picked edge cases alike', () => {
    for (const text of [
      '', 'RUN', 'RUN ', 'RUN a\\', 'RUN a \\', 'RUN a\\ ', 'RUN a\\  b', 'RUN \\ b', 'RUN a\\\n  # c\n  b', 'RUN a \\\r\n b\\\r\nc',
      'RUN a\\$b \\$ c\\', 'RUN a\\\n\\\n\n', 'RUN a \\ \t\n b', 'RUN \\\n# only comment\n', '# escape=`\nRUN a` \n b`$c `\r\n d',
      'ENV a=b\\ c d="e f"', 'ONBUILD RUN a \\\n b', 'RUN\\\nx y', 'RUN a \\  \\\n b', 'RUN  \\ \\ x',
    ]) assertSameSplit(text);
  });

  it('splits generated text alike', function () {
    this.timeout(60000);
    const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), fc.boolean(), (lines, backtick) => {
        assertSameSplit((backtick ? '# escape=`\n' : '') + lines.map((l) => `RUN ${l}`).join('\n'));
        assertSameSplit(lines.join(''));
      }),
      { numRuns: 3000, seed: 4242 },
    );
  });

  it('places offsets on lines as the document does, in any order, line breaks of every kind included', () => {
    const text = 'RUN a\r\n b\rc\n\r\n\nd \\\r\n  e\r';
    const document = TextDocument.create('', '', 0, text);
    const offsets = Array.from({ length: text.length + 3 }, (_, i) => i - 1);
    const orders = [offsets, [...offsets].reverse(), offsets.map((_, i) => offsets[(i * 7) % offsets.length])];
    for (const order of orders) {
      const positionAt = positionsFrom(document);
      for (const offset of order) assert.deepStrictEqual(positionAt(offset), document.positionAt(offset), `offset ${offset}`);
    }
  });

  it('keeps the arguments after the flags whichever of getFlags and getArguments is asked first', () => {
    const text = 'FROM --platform=linux/amd64 alpine AS base\nRUN --mount=type=cache,target=/c --network=none apk add x\nCOPY --from=base --chown=1 /a /b\nHEALTHCHECK --interval=5s CMD true\nADD --checksum=sha256:0 http://x /y\nRUN ["a", "--b"]\n';
    for (const flagsFirst of [true, false]) {
      const ast = parseDockerfileText(`/raw-arguments/flags-${flagsFirst}/Dockerfile`, text);
      for (const instruction of ast.getInstructions() as unknown as (Instruction & { getFlags(): unknown[] })[]) {
        const flags = flagsFirst ? instruction.getFlags() : undefined;
        const first = words(instruction, (i) => i.getArguments());
        const count = (flags ?? instruction.getFlags()).length;
        assert.strictEqual(first, words(instruction, (i) => libraryRawArguments(i).slice(count)), `${instruction.getKeyword()}, flags first: ${flagsFirst}`);
        assert.strictEqual(words(instruction, (i) => i.getArguments()), first);
      }
    }
  });

  it('tells a byte order mark as dockerfile-ast did, by the UTF-8 bytes of the first character', () => {
    parseDockerfileText('/raw-arguments/bom/Dockerfile', 'FROM a\n');
    const byBytes = (char: string) => {
      const bytes = Uint8Array.from(Buffer.from(char, 'utf8'));
      return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    };
    for (const char of ['', '\uFEFF', '\uFEFFFROM', 'F', '#', '\uFFFE', '\uD800', '\uDBFF\uDFFF', '\u00EF', '\uFEFE', ' \uFEFF']) {
      assert.strictEqual(Util.isUTF8BOM(char), byBytes(char), JSON.stringify(char));
    }
    // As the library read these before (after a BOM: the directive holds, the instruction starts past the mark).
    const ast = parseDockerfileText('/raw-arguments/bom/Dockerfile', '\uFEFF# escape=`\nRUN a`\n b\n');
    assert.strictEqual(ast.getEscapeCharacter(), '`');
    assert.strictEqual(words(ast.getInstructions()[0], (i) => i.getArguments()), JSON.stringify([['a', { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }], ['b', { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } }]]));
    const plain = parseDockerfileText('/raw-arguments/bom/Dockerfile', '\uFEFFRUN a\n');
    assert.deepStrictEqual(plain.getInstructions()[0].getRange(), { start: { line: 0, character: 1 }, end: { line: 0, character: 6 } });
  });

  it('splits every corpus Dockerfile alike', function () {
    if (!corpusAvailable()) this.skip();
    this.timeout(60000);
    for (const file of corpusFiles('dockerfiles')) assertSameSplit(fs.readFileSync(file, 'utf8'));
  });
});
