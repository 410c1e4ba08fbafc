import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-entire-filesystem';

describe(RULE, () => {
  before(initEngine);

  it('fires on COPY --from=<stage> / /, quoted or in JSON form', () => {
    assertFires('FROM alpine:3.20 AS build\nRUN make\nFROM nginx:1.27\nCOPY --from=build / /\n', RULE, 1);
    assertFires('FROM alpine:3.20 AS build\nFROM nginx:1.27\nCOPY --from=build "/" "/"\n', RULE, 1);
    assertFires('FROM alpine:3.20 AS build\nFROM nginx:1.27\nCOPY --from=build ["/", "/"]\n', RULE, 1);
  });

  it('is quiet for artifact stages built FROM scratch (also chosen by ARG) and for copies into scratch', () => {
    assertQuiet('FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch AS binaries\nCOPY --from=build /out/ /\nFROM alpine:3.20\nCOPY --from=binaries / /\n', RULE);
    assertQuiet('FROM scratch AS bin-linux\nFROM scratch AS bin-darwin\nFROM bin-$TARGETOS AS bin\nFROM alpine:3.20\nCOPY --from=bin / /\n', RULE);
    assertQuiet('FROM debian:12 AS tools\nRUN make\nFROM scratch\nCOPY --from=tools / /\n', RULE);
  });

  it('gives only a hint for an image it cannot see into, a warning for a stage with an OS', () => {
    const [unknown] = assertFires('FROM alpine:3.20\nCOPY --from=tonistiigi/xx / /\n', RULE, 1);
    assert.strictEqual(unknown.severity, 'hint');
    const [os] = assertFires('FROM debian:12 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build / /\n', RULE, 1);
    assert.strictEqual(os.severity, 'warning');
  });

  it('is quiet for a part of the filesystem, and for the build context', () => {
    assertQuiet('FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /app /\nCOPY --from=build / /app\nCOPY / /\n', RULE);
  });
});
