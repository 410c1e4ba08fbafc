import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'go-install-unpinned';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => assertQuiet('FROM golang:1.23\nRUN go install example.com/tool@latest\n', RULE));

  it('fires on @latest, branch names and no version in go install, go get and go run', () => {
    const [finding] = assertFires(on('FROM golang:1.23\nRUN go install -ldflags "-s -w" example.com/tool@latest\n'), RULE, 1);
    assert.match(finding.message, /example\.com\/tool@v<version>/);
    assert.deepStrictEqual(finding.equivalents, ['DL3062']);
    assertFires(on('FROM golang:1.23\nRUN go get example.com/pkg\n'), RULE, 1);
    assertFires(on('FROM golang:1.23\nRUN go get -tool foobar\n'), RULE, 1);
    assertFires(on('FROM golang:1.23\nRUN go run example.com/pkg@main -flag\n'), RULE, 1);
  });

  it('is quiet for versions, local packages, program arguments of go run and variables', () => {
    for (const line of ['go install example.com/tool@v1.2.3', 'go install ./cmd/app', 'go install .', 'go run . serve', 'go run example.com/pkg@v1.2.3 foobar',
      'go build ./...', 'go install "example.com/tool@${TOOL_VERSION}"', 'go run main.go']) {
      assertQuiet(on(`FROM golang:1.23\nRUN ${line}\n`), RULE);
    }
  });
});
