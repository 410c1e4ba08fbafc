import type { Language, Tree, TreeCursor } from 'web-tree-sitter';

/** Shared by every leaf; not frozen, so that every children array has the same kind of elements for V8. */
const NO_CHILDREN: readonly SyntaxNode[] = [];

/**
 * A node of a parsed shell script, copied out of tree-sitter once. Every property of a web-tree-sitter
 * node is a call into wasm (and `children` builds new node objects each time), so the three readers
 * of each script (commands, variables, bash-only syntax) walked the tree three times at that price;
 * this copy is made with one tree cursor and reads like the original.
 */
export class SyntaxNode {
  parent: SyntaxNode | null = null;
  children: readonly SyntaxNode[] = NO_CHILDREN;
  private named?: readonly SyntaxNode[];
  /** The fields the readers ask for (see FIELDS_READ); any other is null. */
  nameField: SyntaxNode | null = null;
  valueField: SyntaxNode | null = null;
  variableField: SyntaxNode | null = null;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): readonly SyntaxNode[] {
    return (this.named ??= this.children.length === 0 ? NO_CHILDREN : this.children.filter((c) => c.isNamed));
  }

  get firstChild(): SyntaxNode | null {
    return this.children.length > 0 ? this.children[0] : null;
  }

  /** Only the fields listed in FIELDS_READ for this node's type are copied; any other is null. */
  childForFieldName(name: string): SyntaxNode | null {
    switch (name) {
      case 'name':
        return this.nameField;
      case 'value':
        return this.valueField;
      case 'variable':
        return this.variableField;
      default:
        return null;
    }
  }
}

/** The fields the shell readers use, by node type. */
const FIELDS_READ: Record<string, string[] | undefined> = {
  command: ['name'],
  variable_assignment: ['name', 'value'],
  for_statement: ['name', 'variable'],
};

/** Nodes whose insides no reader looks at (only their own text). */
const OPAQUE = new Set(['comment', 'heredoc_body', 'raw_string', 'ansi_c_string']);

/**
 * Named types that tree-sitter-bash's node-types.json gives no children: in a tree without errors
 * (an ERROR node can turn up anywhere) they are leaves, and the copy need not ask.
 */
const LEAVES_WITHOUT_ERRORS = new Set([
  'word', 'variable_name', 'string_content', 'special_variable_name', 'file_descriptor', 'heredoc_start', 'heredoc_end',
  'heredoc_content', 'regex', 'test_operator', 'extglob_pattern',
]);

/** What the copy needs to know of a node type. */
interface TypeInfo {
  type: string;
  named: boolean;
  /** Copied with its children: not OPAQUE and not anonymous (anonymous nodes are the grammar's literal tokens, always leaves). */
  mayHaveChildren: boolean;
  /** The same in a tree without errors. */
  mayHaveChildrenWithoutErrors: boolean;
  readsFields: boolean;
}

/** The grammar's node types and field ids, read once per loaded grammar (a property of the grammar, not of any parse). */
interface Grammar {
  infos: (TypeInfo | undefined)[];
  nameField: number;
  valueField: number;
  variableField: number;
}

const grammars = new WeakMap<Language, Grammar>();

/**
 * The same string, internalized: web-tree-sitter decodes type names from wasm memory, and readers
 * compare them with literals all the time (`node.type === 'command'`), which for two internalized
 * strings is a pointer comparison. V8 internalizes the names of object properties.
 */
function internalized(name: string): string {
  return Object.keys({ [name]: true })[0] ?? name;
}

function grammarOf(language: Language): Grammar {
  let grammar = grammars.get(language);
  if (!grammar) {
    const field = (name: string): number => language.fieldIdForName(name) ?? -1;
    grammar = { infos: [], nameField: field('name'), valueField: field('value'), variableField: field('variable') };
    grammars.set(language, grammar);
  }
  return grammar;
}

/** Copies a tree-sitter tree of `source` (the text it parsed). */
export function copySyntaxTree(tree: Tree, source: string): SyntaxNode {
  const language = tree.language;
  const grammar = grammarOf(language);
  const infos = grammar.infos;
  const cursor = tree.walk();
  // Without errors there are no MISSING (empty) tokens: an anonymous node, a literal token of the
  // grammar, spans its own name where the text has it.
  const withoutErrors = !tree.rootNode.hasError;
  // The loop below is written out (no helper per node): the CLI's single pass runs it mostly
  // before V8 optimises it, where every call costs.
  const rootInfo = infos[cursor.nodeTypeId] ?? describeCurrent(cursor, language, infos);
  const root = new SyntaxNode(rootInfo.type, rootInfo.named, cursor.startIndex, cursor.endIndex, source);
  let parent = root;
  let parentInfo = rootInfo;
  let children: SyntaxNode[] = [];
  const above: { node: SyntaxNode; info: TypeInfo; children: SyntaxNode[] }[] = [];
  if ((withoutErrors ? rootInfo.mayHaveChildrenWithoutErrors : rootInfo.mayHaveChildren) && cursor.gotoFirstChild()) {
    walk: for (;;) {
      const info = infos[cursor.nodeTypeId] ?? describeCurrent(cursor, language, infos);
      const type = info.type;
      const start = cursor.startIndex;
      const end = withoutErrors && !info.named && source.startsWith(type, start) ? start + type.length : cursor.endIndex;
      const node = new SyntaxNode(type, info.named, start, end, source);
      node.parent = parent;
      children.push(node);
      if (parentInfo.readsFields) assignField(parent, parentInfo.type, cursor, grammar, node);
      if ((withoutErrors ? info.mayHaveChildrenWithoutErrors : info.mayHaveChildren) && cursor.gotoFirstChild()) {
        above.push({ node: parent, info: parentInfo, children });
        parent = node;
        parentInfo = info;
        children = [];
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        parent.children = children;
        const up = above.pop();
        if (!up) break walk;
        cursor.gotoParent();
        parent = up.node;
        parentInfo = up.info;
        children = up.children;
      }
    }
  }
  cursor.delete();
  return root;
}

/** What the copy needs to know of the type of the cursor's node, the first time a tree has it. */
function describeCurrent(cursor: TreeCursor, language: Language, infos: (TypeInfo | undefined)[]): TypeInfo {
  const typeId = cursor.nodeTypeId;
  const type = internalized(language.types[typeId] || 'ERROR');
  // Whether a node is named depends only on its (visible) symbol.
  const named = cursor.nodeIsNamed;
  const mayHaveChildren = named && !OPAQUE.has(type);
  return (infos[typeId] = {
    type,
    named,
    mayHaveChildren,
    mayHaveChildrenWithoutErrors: mayHaveChildren && !LEAVES_WITHOUT_ERRORS.has(type),
    readsFields: FIELDS_READ[type] !== undefined,
  });
}

function assignField(parent: SyntaxNode, parentType: string, cursor: TreeCursor, grammar: Grammar, node: SyntaxNode): void {
  // The first child with a field is the one childForFieldName finds: once a node has the fields
  // read of its type, its other children need not be asked.
  const wantsName = parent.nameField === null;
  const wantsValue = parentType === 'variable_assignment' && parent.valueField === null;
  const wantsVariable = parentType === 'for_statement' && parent.variableField === null;
  if (!wantsName && !wantsValue && !wantsVariable) return;
  const id = cursor.currentFieldId;
  if (id === 0) return;
  if (id === grammar.nameField) {
    if (wantsName) parent.nameField = node;
  } else if (id === grammar.valueField) {
    if (wantsValue) parent.valueField = node;
  } else if (id === grammar.variableField && wantsVariable) parent.variableField = node;
}
