import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine, lintFixture } from '../helpers';

const RULE = 'heavy-base-image';

describe(RULE, () => {
  before(initEngine);

  it('fires on a full official image in the final stage, at the image', () => {
    const [finding] = assertFires('FROM node:20\nCMD ["node", "a.js"]\n', RULE, 1);
    assert.deepStrictEqual(finding.range.start, { line: 0, character: 5 });
    assert.match(finding.message, /`node:20-slim` or `node:20-alpine`/);
  });

  it('switches to slim (preferred) keeping codename spelling per image', () => {
    assert.strictEqual(assertFixRoundTrip('FROM node:20\n', RULE).dockerfile, 'FROM node:20-slim\n');
    assert.strictEqual(assertFixRoundTrip('FROM node:20-bookworm\n', RULE).dockerfile, 'FROM node:20-bookworm-slim\n');
    assert.strictEqual(assertFixRoundTrip('FROM python:3.12-bookworm\n', RULE).dockerfile, 'FROM python:3.12-slim-bookworm\n');
    assert.strictEqual(assertFixRoundTrip('FROM ruby\n', RULE).dockerfile, 'FROM ruby:slim\n');
  });

  it('offers alpine as a second choice, and alpine alone where there is no slim', () => {
    const [finding] = lintFixture('FROM node:20\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(finding.fixes.map((f) => [f.title.split(' ')[1], f.isPreferred]), [['`node:20-slim`', true], ['`node:20-alpine`', false]]);
    assert.strictEqual(assertFixRoundTrip('FROM golang:1.22\n', RULE).dockerfile, 'FROM golang:1.22-alpine\n');
  });

  it('follows the final stage to the image it is built on', () => {
    assertFires('FROM python:3.12 AS base\nRUN true\nFROM base\n', RULE, 1);
  });

  it('is quiet for lean variants, builder stages, digests, other images', () => {
    assertQuiet('FROM node:20-slim\n', RULE);
    assertQuiet('FROM node:20-alpine\n', RULE);
    assertQuiet('FROM node:20 AS build\nFROM gcr.io/distroless/nodejs20-debian12\n', RULE);
    assertQuiet('FROM debian:bookworm\n', RULE);
    assertQuiet('FROM mcr.microsoft.com/dotnet/aspnet:8.0\n', RULE);
  });

  it('reports but does not rewrite digests or ARG-built tags', () => {
    const [digest] = lintFixture('FROM node:20@sha256:0123\n').filter((f) => f.rule === RULE);
    assert.strictEqual(digest, undefined);
    const [arg] = lintFixture('ARG V=20\nFROM node:${V}\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(arg.fixes, []);
  });
});
