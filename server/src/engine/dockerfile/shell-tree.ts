import type { Node, Tree } from 'web-tree-sitter';

/**
 * A node of a parsed shell script, copied out of tree-sitter once. Every property of a web-tree-sitter
 * node is a call into wasm (and `children` builds new node objects each time), so the three readers
 * of each script (commands, variables, bash-only syntax) walked the tree three times at that price;
 * this copy costs three calls a node and reads like the original.
 */
export class SyntaxNode {
  parent: SyntaxNode | null = null;
  readonly children: SyntaxNode[] = [];
  private named?: SyntaxNode[];
  /** The fields the readers ask for (see FIELDS_READ), by name. */
  fields?: Map<string, SyntaxNode>;

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

  get namedChildren(): SyntaxNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }

  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }

  /** Only the fields listed in FIELDS_READ for this node's type are copied; any other is null. */
  childForFieldName(name: string): SyntaxNode | null {
    return this.fields?.get(name) ?? null;
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

/** Copies a tree-sitter tree of `source` (the text it parsed). */
export function copySyntaxTree(tree: Tree, source: string): SyntaxNode {
  const types = tree.language.types;
  const namedByType: (boolean | undefined)[] = [];
  const copy = (node: Node, parent: SyntaxNode | null): SyntaxNode => {
    const typeId = node.typeId;
    const type = types[typeId] || 'ERROR';
    let named = namedByType[typeId];
    // Whether a node is named depends only on its (visible) symbol.
    if (named === undefined) named = namedByType[typeId] = node.isNamed;
    const out = new SyntaxNode(type, named, node.startIndex, node.endIndex, source);
    out.parent = parent;
    if (OPAQUE.has(type)) return out;
    const fieldNames = FIELDS_READ[type];
    const fieldIds = new Map<string, number>();
    for (const name of fieldNames ?? []) {
      const child = node.childForFieldName(name);
      if (child) fieldIds.set(name, child.id);
    }
    for (const child of node.children) {
      if (!child) continue;
      const copied = copy(child, out);
      out.children.push(copied);
      for (const [name, id] of fieldIds) if (id === child.id) (out.fields ??= new Map()).set(name, copied);
    }
    return out;
  };
  return copy(tree.rootNode, null);
}
