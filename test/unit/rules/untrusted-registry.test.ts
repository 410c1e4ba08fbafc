import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'untrusted-registry';
const trusting = (dockerfile: string, trustedRegistries: string[]) => ({ dockerfile, config: { trustedRegistries } });

describe(RULE, () => {
  before(initEngine);

  it('does nothing until trusted registries are configured', () => {
    assertQuiet('FROM random.com/debian:12\n', RULE);
  });

  it('fires on base images, --from images and mount sources from other registries', () => {
    assertFires(trusting('FROM random.com/debian:12\n', ['docker.io']), RULE, 1);
    assertFires(trusting('FROM ubuntu:24.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\n', ['trusted.com']), RULE, 3);
    assertFires(trusting('FROM x.com/debian:12\n', ['*.random.com']), RULE, 1);
    assertFires(trusting('FROM trusted.com/a:1\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n', ['trusted.com']), RULE, 1);
    assertFires(trusting('FROM trusted.com/a:1\nRUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n', ['trusted.com']), RULE, 1);
  });

  it('is quiet for trusted registries (Docker Hub in any spelling, wildcards), scratch and stages', () => {
    assertQuiet(trusting('FROM ubuntu:24.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\n', ['docker.io']), RULE);
    assertQuiet(trusting('FROM foo.random.com/debian:12\nFROM scratch\n', ['x.com', '*.random.com']), RULE);
    assertQuiet(trusting('FROM random.com/foo:1 AS one\nFROM one\nCOPY --from=one /a /b\n', ['random.com']), RULE);
    assertQuiet(trusting('FROM anything.io/x:1\n', ['*']), RULE);
  });
});
