import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'copy-entire-filesystem';

describe(RULE, () => {
  before(initEngine);

  it('fires on COPY --from=<stage> / /, quoted or in JSON form', () => {
    assertFires('FROM alpine:3.20 AS build\nRUN make\nFROM scratch\nCOPY --from=build / /\n', RULE, 1);
    assertFires('FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build "/" "/"\n', RULE, 1);
    assertFires('FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build ["/", "/"]\n', RULE, 1);
  });

  it('is quiet for a part of the filesystem, and for the build context', () => {
    assertQuiet('FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /app /\nCOPY --from=build / /app\nCOPY / /\n', RULE);
  });
});
