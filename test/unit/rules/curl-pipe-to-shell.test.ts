import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'curl-pipe-to-shell';

describe(RULE, () => {
  before(initEngine);

  it('fires when a download is piped into a shell or is the script of one', () => {
    const [finding] = assertFires('FROM debian:bookworm\nRUN curl -fsSL https://x/install.sh | sh -s -- -y\n', RULE, 1);
    assert.strictEqual(finding.severity, 'information');
    assertFires('FROM debian:bookworm\nRUN wget -qO- https://x/i.sh | sudo bash\n', RULE, 1);
    assertFires('FROM debian:bookworm\nRUN sh -c "$(curl -fsSL https://x/install.sh)"\n', RULE, 1);
    assertFires('FROM debian:bookworm\nRUN bash <(curl -fsSL https://x/install.sh)\n', RULE, 1);
  });

  it('is a warning over plain HTTP', () => {
    assert.strictEqual(assertFires('FROM debian:bookworm\nRUN curl http://x/install.sh | bash\n', RULE, 1)[0].severity, 'warning');
  });

  it('is quiet for downloads to a file, pipes into other programs and a shell running a file', () => {
    assertQuiet('FROM debian:bookworm\nRUN curl -fsSLo /i.sh https://x/i.sh && echo "abc  /i.sh" | sha256sum -c && sh /i.sh\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN curl -fsSL https://x/y.tgz | tar -xz\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN bash -c "curl -fsSLo /i.sh https://x && sh /i.sh"\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "curl x | sh"\n', RULE);
  });
});
