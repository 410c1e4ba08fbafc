import type { FuzzInput } from './properties';

/** The classic "billion laughs": nine levels of nine aliases, about 390 million strings if expanded. */
export function billionLaughsCompose(): FuzzInput {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const previous = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return { kind: 'compose', path: '/fuzz/compose.yaml', text: `x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\nservices:\n  app:\n    image: nginx:1.27\n` };
}

/** A file whose one line is over 1 MB. */
export function megabyteLine(kind: FuzzInput['kind']): FuzzInput {
  return kind === 'dockerfile'
    ? { kind, path: '/fuzz/Dockerfile', text: `FROM node:20\nRUN echo ${'x'.repeat(1_000_001)}\n` }
    : { kind, path: '/fuzz/compose.yaml', text: `services:\n  app:\n    image: ${'x'.repeat(1_000_001)}\n` };
}
