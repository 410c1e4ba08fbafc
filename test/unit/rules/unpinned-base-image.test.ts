import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'unpinned-base-image';

describe(RULE, () => {
  before(initEngine);

  it('fires on a missing tag (DL3006) and on latest (DL3007), at the image', () => {
    const [noTag] = assertFires('FROM debian\n', RULE, 1);
    assert.deepStrictEqual(noTag.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } });
    assert.ok(noTag.equivalents.includes('DL3006') && !noTag.equivalents.includes('DL3007'));
    const [latest] = assertFires('FROM node:latest AS build\n', RULE, 1);
    assert.ok(latest.equivalents.includes('DL3007') && !latest.equivalents.includes('DL3006'));
  });

  it('resolves ARG defaults in FROM', () => {
    assertFires('ARG IMAGE=node\nFROM ${IMAGE}\n', RULE, 1);
    assertQuiet('ARG IMAGE=node:20\nFROM ${IMAGE}\n', RULE);
    assertQuiet('ARG VERSION=20\nFROM node:${VERSION}-alpine\n', RULE);
  });

  it('stays quiet for FROM ${IMAGE} when the ARG default is pinned (a known false positive of the peers)', () => {
    assertQuiet('ARG BASE=python:3.12-slim\nFROM $BASE AS build\nFROM ${BASE}\n', RULE);
    assertQuiet('ARG REGISTRY=ghcr.io/acme\nARG TAG=1.4.2\nFROM ${REGISTRY}/app:${TAG}\n', RULE);
    assertQuiet('ARG IMAGE=node@sha256:0123456789abcdef\nFROM ${IMAGE}\n', RULE);
    assertFires('ARG IMAGE=node:latest\nFROM ${IMAGE}\n', RULE, 1);
  });

  it('is quiet for ARGs without a default, stage names, scratch, digests and registries with ports', () => {
    assertQuiet('ARG IMAGE\nFROM ${IMAGE}\n', RULE);
    assertQuiet('FROM golang:1.22 AS build\nFROM build\nFROM scratch\n', RULE);
    assertQuiet('FROM node@sha256:0123456789abcdef\n', RULE);
    assertQuiet('FROM localhost:5000/team/app:1.2\nFROM --platform=$BUILDPLATFORM alpine:3.20\n', RULE);
  });

  it('fires on a registry image with a port but no tag', () => {
    assertFires('FROM registry.example.com:5000/team/app\n', RULE, 1);
  });
});
