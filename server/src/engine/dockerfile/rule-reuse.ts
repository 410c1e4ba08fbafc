import type { DockerfileRule, Report } from '../rule';
import type { LintConfig } from '../config';
import type { DockerfileModel } from './model';
import { reuseAcrossVersions, spliceOf, versionOf } from './parse-cache';
import { allRunSites, otherRuns, type RunSite } from './shell-facts';

/**
 * Findings kept from the previous version of a file. Typing inside a RUN, the edit users make
 * most, changes that RUN and nothing else: no line is added, no other instruction moves. Then a
 * rule whose findings depend on no RUN (`runIndependent`) finds what it found before, and a rule
 * checked RUN by RUN (`checkRun`) finds on every other RUN what it found there before, unless what
 * it found there depended on other RUNs (the helpers that read them raise `otherRuns.read`). Only
 * the edited RUN is checked again, so a keystroke costs about as much in a 5,000-line file as in a
 * 50-line one, and the little code that runs is soon compiled.
 */

/** What the last lint of a file found, per rule. */
interface FileMemo {
  version: number;
  /** The configuration and rule list it ran with: anything else, and nothing is kept. */
  setting: string;
  rules: readonly DockerfileRule[];
  /** The reports of the `runIndependent` rules. */
  whole: Map<string, readonly Report[]>;
  /** The `checkRun` rules that checked every RUN without failing. */
  checkedEveryRun: Set<string>;
  /** The rules' `reuseKey`s. */
  keys: Map<string, string>;
}

/** A RUN's reports per `checkRun` rule, carried from version to version by the unchanged RUN's copies. */
interface RunMemo {
  version: number;
  reports: Map<string, readonly Report[]>;
}

const MEMO_FILES = 32;
const memos = new Map<string, FileMemo>();
const RUN_MEMO = Symbol('dockhand.runFindings');
const NONE: readonly Report[] = Object.freeze([]);

/** Where a rule's reports go while it runs. */
export interface ReportSink {
  push(report: Report): void;
  count(): number;
  /** The reports pushed since the count was `start`. */
  since(start: number): Report[];
}

export class RuleReuse {
  private readonly version: number;
  private readonly previous: FileMemo | undefined;
  private readonly next: FileMemo;
  private readonly sites: RunSite[];
  private readonly runMemos: (RunMemo | undefined)[];
  private readonly recording: boolean;

  constructor(file: string, model: DockerfileModel, config: LintConfig, onDisk: boolean, rules: readonly DockerfileRule[], editing: boolean) {
    this.version = versionOf(model.ast);
    const setting = `${onDisk}|${JSON.stringify(config)}`;
    const memo = reuseAcrossVersions.enabled ? memos.get(file) : undefined;
    const splice = spliceOf(model.ast);
    this.previous = memo && splice?.keyword === 'RUN' && splice.previous === memo.version && memo.setting === setting && memo.rules === rules ? memo : undefined;
    this.next = { version: this.version, setting, rules, whole: new Map(), checkedEveryRun: new Set(), keys: new Map() };
    this.sites = allRunSites(model);
    // A file linted for the first time (every file of a CLI run) keeps nothing: only a document
    // being edited, or a file that comes back, is worth the bookkeeping.
    this.recording = reuseAcrossVersions.enabled && (editing || memo !== undefined);
    this.runMemos = this.recording ? this.sites.map((site) => this.runMemoOf(site)) : [];
    if (reuseAcrossVersions.enabled) {
      memos.delete(file);
      memos.set(file, this.next);
      if (memos.size > MEMO_FILES) memos.delete(memos.keys().next().value as string);
    }
  }

  /**
   * Starts a rule on this version, with its `reuseKey` if it has one: true when what it found in
   * the previous version may be kept (the previous lint ran it with the same key).
   */
  begin(rule: DockerfileRule, key: string | undefined): boolean {
    const id = rule.meta.id;
    if (key !== undefined && this.recording) this.next.keys.set(id, key);
    return this.previous !== undefined && this.previous.keys.get(id) === key;
  }

  /** The reports the rule gave in the previous version, when they still hold. */
  kept(rule: DockerfileRule): readonly Report[] | undefined {
    return rule.runIndependent ? this.previous?.whole.get(rule.meta.id) : undefined;
  }

  /** Notes what a rule reported in this version (after it ran without failing). */
  remember(rule: DockerfileRule, reports: readonly Report[]): void {
    if (rule.runIndependent && this.recording) this.next.whole.set(rule.meta.id, reports.length === 0 ? NONE : reports);
  }

  /**
   * Checks a `checkRun` rule on every RUN, in order, into `sink`, taking each RUN's previous
   * reports where they hold (and `mayKeep`, from `begin`); `check` runs the rule on one RUN
   * (reporting into the sink).
   */
  eachRun(rule: DockerfileRule, mayKeep: boolean, sink: ReportSink, check: (site: RunSite) => void): void {
    const id = rule.meta.id;
    const keep = mayKeep && this.previous?.checkedEveryRun.has(id) === true;
    for (let i = 0; i < this.sites.length; i++) {
      const memo = this.runMemos[i];
      const kept = keep ? memo?.reports.get(id) : undefined;
      if (kept !== undefined) {
        for (const r of kept) sink.push(r);
        continue;
      }
      const start = sink.count();
      otherRuns.read = false;
      check(this.sites[i]);
      if (!memo) continue;
      if (otherRuns.read) memo.reports.delete(id);
      else memo.reports.set(id, sink.count() === start ? NONE : sink.since(start));
    }
  }

  /** After `eachRun` completed without a failure. */
  checkedEveryRun(rule: DockerfileRule): void {
    if (this.recording) this.next.checkedEveryRun.add(rule.meta.id);
  }

  /**
   * The memo of a RUN for this version: the one its previous version left, when this lint follows
   * that one; a fresh one otherwise. ONBUILD triggers, built anew each version, keep none.
   */
  private runMemoOf(site: RunSite): RunMemo | undefined {
    if (site.onbuild || !reuseAcrossVersions.enabled) return undefined;
    const slots = site.run as unknown as Record<symbol, RunMemo | undefined>;
    const carried = slots[RUN_MEMO];
    if (carried && this.previous && carried.version === this.previous.version) {
      carried.version = this.version;
      return carried;
    }
    const fresh: RunMemo = { version: this.version, reports: new Map() };
    // Enumerable: the parser's copies of an unchanged instruction take it along (parse-cache copyInto).
    slots[RUN_MEMO] = fresh;
    return fresh;
  }
}
