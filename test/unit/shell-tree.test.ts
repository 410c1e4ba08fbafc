import * as assert from 'assert';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { initShellParser } from '../../server/src/engine/dockerfile/shell';
import { copySyntaxTree, type SyntaxNode } from '../../server/src/engine/dockerfile/shell-tree';

const OPAQUE = new Set(['comment', 'heredoc_body', 'raw_string', 'ansi_c_string']);
const FIELDS: Record<string, string[]> = { command: ['name'], variable_assignment: ['name', 'value'], for_statement: ['name', 'variable'] };

/** The copy as tree-sitter's own nodes describe it: type, offsets, parent, children (none inside OPAQUE nodes), the fields read. */
function assertCopies(copy: SyntaxNode, node: Node, parent: SyntaxNode | null, source: string): void {
  const where = `${node.type} at ${node.startIndex} in ${JSON.stringify(source)}`;
  assert.deepStrictEqual(
    [copy.type, copy.isNamed, copy.startIndex, copy.endIndex, copy.text],
    [node.type, node.isNamed, node.startIndex, node.endIndex, node.text],
    where,
  );
  assert.strictEqual(copy.parent, parent, where);
  for (const field of ['name', 'value', 'variable']) {
    const expected = FIELDS[node.type]?.includes(field) ? node.childForFieldName(field) : null;
    const actual = copy.childForFieldName(field);
    assert.deepStrictEqual(actual && [actual.type, actual.startIndex, actual.parent === copy], expected && [expected.type, expected.startIndex, true], `${where}: field ${field}`);
  }
  const children = OPAQUE.has(node.type) ? [] : node.children.filter((c): c is Node => c !== null);
  assert.strictEqual(copy.children.length, children.length, where);
  assert.deepStrictEqual(copy.namedChildren.map((c) => c.startIndex), children.filter((c) => c.isNamed).map((c) => c.startIndex), where);
  assert.strictEqual(copy.firstChild, copy.children[0] ?? null, where);
  children.forEach((child, i) => assertCopies(copy.children[i], child, copy, source));
}

describe('shell-tree: copySyntaxTree', () => {
  let parser: Parser;
  before(async () => {
    await initShellParser();
    parser = new Parser();
    parser.setLanguage(await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
  });

  const scripts = [
    '',
    'apt-get update && apt-get install -y curl # trailing comment',
    'A=1 B="$x" FOO=$(id -u) make -j"$(nproc)" install > /dev/null 2>&1',
    "export PATH=/x:$PATH; declare -x Y=2; local z; readonly W='q'",
    'for i in 1 2 3; do echo "$i" ${i:-d} ${#i} ${i/a/b}; done; for ((j=0; j<3; j++)); do :; done',
    "if [ \"$a\" == b ] && [[ -n $c ]]; then echo $'tab\\t' <<< here &> /dev/null; fi",
    'cat <<EOF > f\nbody $HOME `date`\nEOF\nfunction f() { (cd / && ls) | wc -l; }; case $x in a|b) y=1;; *) ;; esac',
    'echo "é 😀 \\" done" \'raw\' 2>/dev/null | tee <(cat) >(cat)',
    'if then ( echo "unterminated',
    'x=( a b c ) && echo ${x[1]} $((1 + 2)) \\\n  next line',
    // Without errors (the copy then skips some calls into tree-sitter):
    'cat <<-EOF\n\tx $y\n\tEOF\necho ${x##*/} ${y#a} ${z:=1} ${!w} {1..3} "$" $(( 2 * 3 )) && case a in a|b) ;; esac',
    'echo ``',
  ];
  const ERRONEOUS = new Set(['if then ( echo "unterminated', 'echo ``']);
  for (const source of scripts) {
    it(`copies ${JSON.stringify(source.slice(0, 40))} as tree-sitter parsed it`, () => {
      const tree = parser.parse(source);
      assert.ok(tree);
      assert.strictEqual(tree.rootNode.hasError, ERRONEOUS.has(source), 'the scripts with errors are the ones listed as such');
      try {
        assertCopies(copySyntaxTree(tree, source), tree.rootNode, null, source);
      } finally {
        tree.delete();
      }
    });
  }
});
