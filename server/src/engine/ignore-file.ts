import ignore from '@balena/dockerignore';

/**
 * A .dockerignore/.gitignore matcher that never throws. The matcher turns each line into a
 * RegExp and throws on some characters Docker takes literally (an unbalanced `(`): such a line
 * is left out rather than failing every rule that reads the file.
 */
export function ignoreMatcher(lines: readonly string[]): { ignores(relativePath: string): boolean } {
  try {
    const all = ignore().add([...lines]);
    all.ignores('probe');
    return all;
  } catch {
    return ignore().add(lines.filter(compiles));
  }
}

function compiles(line: string): boolean {
  try {
    ignore().add([line]).ignores('probe');
    return true;
  } catch {
    return false;
  }
}
