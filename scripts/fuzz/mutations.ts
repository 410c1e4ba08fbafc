import fc from 'fast-check';
import type { FuzzInput } from './properties';

type Mutation = (text: string, other: string) => string;

const at = (text: string, fraction: number) => Math.floor(text.length * fraction);

/** Byte and line mutations: each takes a fraction for where it applies, so shrinking moves it. */
const MUTATIONS: fc.Arbitrary<Mutation>[] = [
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (t) => t.slice(0, at(t, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 200 })).map(([f, n]): Mutation => (t) => t.slice(0, at(t, f)) + t.slice(at(t, f) + n)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 300 })).map(([f, n]): Mutation => (t) => t.slice(0, at(t, f) + n) + t.slice(at(t, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([f, g]): Mutation => (t, o) => t.slice(0, at(t, f)) + o.slice(at(o, g))),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (t) => t.split('\n').map((l, i) => ((i * 7919) % 100) / 100 < f ? `${l}\r` : l).join('\n')),
  fc.constant<Mutation>((t) => `\uFEFF${t}`),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('\t', '\0', '\\', '`', '"', "'", '<<EOF', '${', '&', '*', '|', ':', '- ', '\uFFFD', '\u2028', '\r')).map(([f, s]): Mutation => (t) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1000, max: 30_000 })).map(([f, n]): Mutation => (t) => t.slice(0, at(t, f)) + 'x'.repeat(n) + t.slice(at(t, f))),
  fc.constantFrom<Mutation>((t) => `# escape=\`\n${t}`, (t) => t.replace(/^# escape=.*$/m, '# escape=\\'), (t) => t.replace(/\\\n/g, '`\n')),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (t) => {
    const lines = t.split('\n');
    const i = Math.floor(lines.length * f);
    return [...lines.slice(0, i), ...lines.slice(i, i + 5), ...lines.slice(i)].join('\n');
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (t) => t.split('\n').map((l, i) => (((i * 104729) % 97) / 97 < f ? l.replace(/^ +/, (s) => '\t'.repeat(Math.ceil(s.length / 2))) : l)).join('\n')),
];

/** Every corpus file (Dockerfiles, Compose files and the odd ones), mutated one to four times. */
export function mutatedCorpus(corpus: { name: string; text: string }[]): fc.Arbitrary<FuzzInput> {
  return fc.tuple(fc.nat({ max: corpus.length - 1 }), fc.nat({ max: corpus.length - 1 }), fc.array(fc.oneof(...MUTATIONS), { minLength: 1, maxLength: 4 }))
    .map(([index, otherIndex, mutations]) => {
      const { name, text } = corpus[index];
      const other = corpus[otherIndex].text;
      const mutated = mutations.reduce((t, m) => m(t, other), text);
      const compose = /\.ya?ml(\.|$)/i.test(name);
      return { kind: compose ? 'compose' as const : 'dockerfile' as const, path: compose ? '/fuzz/compose.yaml' : '/fuzz/Dockerfile', text: mutated };
    });
}
