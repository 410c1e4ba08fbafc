import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'bashism-in-sh';

describe(RULE, () => {
  before(initEngine);

  it('fires on bash-only syntax under /bin/sh on Debian, as a warning with the ShellCheck code', () => {
    const [source] = assertFires('FROM ubuntu:24.04\nRUN source /etc/os-release && echo "$ID"\n', RULE, 1);
    assert.strictEqual(source.severity, 'warning');
    assert.deepStrictEqual(source.equivalents, ['shellcheck', 'SC3046']);
    assert.deepStrictEqual(source.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 10 } });
    for (const script of ['[[ -f /x ]] && echo y', 'if [ "$a" == b ]; then :; fi', 'a=(1 2)', 'cat <<< "$x"', 'make &> /log', 'echo ${v:0:1}',
      'echo ${v//./-}', 'diff <(ls a) <(ls b)', 'function f { :; }', 'echo $RANDOM', "echo $'\\t'", 'set -o pipefail && a | b']) {
      assertFires(`FROM debian:bookworm\nRUN ${script}\n`, RULE, 1);
    }
  });

  it('is information where the image is unknown, and quiet for what busybox supports on Alpine', () => {
    assert.strictEqual(assertFires('FROM example/app:1\nRUN source /x\n', RULE, 1)[0].severity, 'information');
    assertQuiet('FROM alpine:3.20\nRUN source /x && [[ -f y ]] && echo ${v//a/b}\n', RULE);
    assertFires('FROM alpine:3.20\nRUN a=(1 2)\n', RULE, 1);
  });

  it('tells the image family of an unknown base from the package manager its stage uses', () => {
    assertQuiet('FROM example/app:1\nRUN apk add --no-cache git && [ "$A" == b ]\n', RULE);
    assertQuiet('FROM nvidia/cuda:12-rockylinux9\nRUN dnf install -y cuda-toolkit-${V//./-}\n', RULE);
    assert.strictEqual(assertFires('FROM example/app:1\nRUN apt-get update && source /x\n', RULE, 1)[0].severity, 'warning');
  });

  it('is quiet under a bash SHELL (inherited from a base stage too), on RHEL images and for bash heredoc scripts', () => {
    assertQuiet('FROM debian:bookworm\nSHELL ["/bin/bash", "-c"]\nRUN source /x\n', RULE);
    assertQuiet('FROM ubuntu:24.04 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN source /x\n', RULE);
    assertQuiet('FROM fedora:40\nRUN source /x\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN <<EOF\n#!/bin/bash\nsource /x\nEOF\n', RULE);
  });

  it('is quiet for POSIX syntax, quoted text, comments and heredocs handed to another program', () => {
    assertQuiet('FROM debian:bookworm\nRUN . /etc/os-release && [ "$ID" = debian ] && printf "%s\\n" "${v%.*}"\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN echo "source [[ x ]]" # source y\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN cat <<EOF > /x.sh\nsource /y\nEOF\n', RULE);
  });

  it('treats $UID and the like as ordinary variables when ARG, ENV or the script sets them', () => {
    assertQuiet('FROM debian:bookworm\nARG UID=1001\nRUN useradd -u "$UID" app\n', RULE);
    assertQuiet('FROM debian:bookworm\nRUN SECONDS=1; echo $SECONDS\n', RULE);
  });
});
