import type { DockerfileRule, Report } from '../rule';
import type { LintConfig } from '../config';
import type { DockerfileModel } from './model';
import { reuseAcrossVersions, spliceOf, versionOf } from './parse-cache';
import { allRunSites, otherRuns, type RunSite } from './shell-facts';
import { keepRecent } from '../util/recent';

/**
 * Findings kept from the previous version of a file. Typing inside an instruction, the edit users
 * make most, changes that instruction and nothing else: no line is added, no other instruction
 * moves. Typing inside a RUN, a rule whose findings depend on no RUN (`runIndependent`) finds what
 * it found before, and a rule checked RUN by RUN (`checkRun`) finds on every other RUN what it
 * found there before, unless what it found there depended on other RUNs (the helpers that read
 * them raise `otherRuns.read`): only the edited RUN is checked again, so a keystroke costs about
 * as much in a 5,000-line file as in a 50-line one, and the little code that runs is soon
 * compiled. Typing inside another instruction, such a rule keeps all it found when it declares the
 * keywords it `reads` and that instruction's is not among them.
 */

/** What the last lint of a file found, per rule. */
interface FileMemo {
  version: number;
  /** The configuration and rule list it ran with: anything else, and nothing is kept. */
  setting: string;
  rules: readonly DockerfileRule[];
  /** The reports of the `runIndependent` rules. */
  whole: Map<string, readonly Report[]>;
  /** Per `checkRun` rule that checked every RUN without failing: which RUNs it reported on, which it could not keep. */
  runs: Map<string, RuleRuns>;
  /** The rules' `reuseKey`s. */
  keys: Map<string, string>;
}

/**
 * Where a `checkRun` rule stood after a version, by RUN index (ascending): the RUNs it reported on,
 * and the RUNs whose reports it cannot keep (they read other RUNs; ONBUILD triggers). Every other
 * RUN's reports are none, and stay none while that RUN is not edited. The next version walks only
 * these and the edited RUN: a keystroke need not visit each RUN for each rule.
 */
interface RuleRuns {
  reported: number[];
  unkept: number[];
}

/** A RUN's reports per `checkRun` rule (by rule slot), carried from version to version by the unchanged RUN's copies. */
interface RunMemo {
  version: number;
  reports: (readonly Report[] | undefined)[];
}

const slots = new Map<string, number>();

/** A small number per rule id, to index a RUN's reports by. */
function slotOf(id: string): number {
  let slot = slots.get(id);
  if (slot === undefined) slots.set(id, slot = slots.size);
  return slot;
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
  /**
   * The keywords whose instructions the one edit since the previous version may have changed (when
   * `previous` is set): the edited instruction's, and FROM for an ARG before the first FROM.
   */
  private readonly changed: readonly string[];
  private readonly next: FileMemo;
  private readonly sites: RunSite[];
  private readonly runMemos: (RunMemo | undefined)[];
  private readonly recording: boolean;
  /** The RUNs (indices, ascending) whose memo is new in this version: edited, or not kept at all. */
  private readonly fresh: number[] = [];
  /** What the last `eachRun` found, until `checkedEveryRun` keeps it. */
  private lastRuns: RuleRuns | undefined;

  constructor(file: string, model: DockerfileModel, config: LintConfig, onDisk: boolean, rules: readonly DockerfileRule[], editing: boolean) {
    this.version = versionOf(model.ast);
    const setting = `${onDisk}|${JSON.stringify(config)}`;
    const memo = reuseAcrossVersions.enabled ? memos.get(file) : undefined;
    const splice = spliceOf(model.ast);
    // ONBUILD holds a trigger (perhaps a RUN) that is built anew with each version: nothing kept.
    const edited = splice?.keyword !== undefined && splice.keyword !== 'ONBUILD' ? splice.keyword : undefined;
    this.previous = memo && edited !== undefined && splice?.previous === memo.version && memo.setting === setting && memo.rules === rules ? memo : undefined;
    // An ARG before the first FROM names images: editing it may change every FROM's image.
    const global = edited === 'ARG' && splice !== undefined && beforeFirstFrom(model, splice.line);
    this.changed = edited === undefined ? [] : global ? [edited, 'FROM'] : [edited];
    this.next = { version: this.version, setting, rules, whole: new Map(), runs: new Map(), keys: new Map() };
    this.sites = allRunSites(model);
    // A file linted for the first time (every file of a CLI run) keeps nothing: only a document
    // being edited, or a file that comes back, is worth the bookkeeping.
    this.recording = reuseAcrossVersions.enabled && (editing || memo !== undefined);
    this.runMemos = this.recording ? this.sites.map((site, index) => this.runMemoOf(site, index)) : [];
    if (reuseAcrossVersions.enabled) keepRecent(memos, file, this.next, MEMO_FILES);
  }

  /** The RUNs of this version, in order. */
  get runSites(): readonly RunSite[] {
    return this.sites;
  }

  /** Nothing is kept from a previous version nor noted for the next (every file of a CLI run). */
  get keepsNothing(): boolean {
    return !this.recording && this.previous === undefined;
  }

  /**
   * Starts a rule on this version, with its `reuseKey` if it has one: true when what it found in
   * the previous version may be kept: the previous lint ran it with the same key, and the edited
   * instruction is a RUN or one of no keyword the rule `reads`.
   */
  begin(rule: DockerfileRule, key: string | undefined): boolean {
    // Nothing read from the rule before it is needed: rules are objects of many shapes, slow to read.
    if (!this.recording && this.previous === undefined) return false;
    const id = rule.meta.id;
    if (key !== undefined && this.recording) this.next.keys.set(id, key);
    if (this.previous === undefined || this.previous.keys.get(id) !== key) return false;
    if (this.changed[0] === 'RUN') return true;
    const reads = rule.reads;
    return reads !== undefined && !this.changed.some((keyword) => reads.includes(keyword));
  }

  /** The reports the rule gave in the previous version, when they still hold. */
  kept(rule: DockerfileRule): readonly Report[] | undefined {
    return rule.runIndependent ? this.previous?.whole.get(rule.meta.id) : undefined;
  }

  /** Notes what a rule reported in this version (after it ran without failing). */
  remember(rule: DockerfileRule, reports: readonly Report[]): void {
    if (this.recording && rule.runIndependent) this.next.whole.set(rule.meta.id, reports.length === 0 ? NONE : reports);
  }

  /**
   * Checks a `checkRun` rule on every RUN, in order, into `sink`, taking each RUN's previous
   * reports where they hold (and `mayKeep`, from `begin`); `check` runs the rule on one RUN
   * (reporting into the sink). When the previous version's reports hold, only the RUNs it reported
   * on, the RUNs it could not keep and the edited RUN are visited.
   */
  eachRun(rule: DockerfileRule, mayKeep: boolean, sink: ReportSink, check: (site: RunSite) => void): void {
    if (this.keepsNothing) {
      for (const site of this.sites) check(site);
      return;
    }
    const slot = slotOf(rule.meta.id);
    const previous = mayKeep ? this.previous?.runs.get(rule.meta.id) : undefined;
    const next: RuleRuns = { reported: [], unkept: [] };
    this.lastRuns = next;
    const visit = (index: number, keep: boolean): void => {
      const memo = this.runMemos[index];
      const kept = keep ? memo?.reports[slot] : undefined;
      if (kept !== undefined) {
        for (const report of kept) sink.push(report);
        if (kept.length > 0) next.reported.push(index);
        return;
      }
      const start = sink.count();
      otherRuns.read = false;
      check(this.sites[index]);
      if (!memo || otherRuns.read) {
        if (memo) memo.reports[slot] = undefined;
        next.unkept.push(index);
        return;
      }
      const found = sink.count() === start ? NONE : sink.since(start);
      memo.reports[slot] = found;
      if (found.length > 0) next.reported.push(index);
    };
    if (!previous) {
      for (let i = 0; i < this.sites.length; i++) visit(i, false);
      return;
    }
    // Three ascending lists merged: kept reports, and the RUNs to check again (unkept or edited).
    const { reported, unkept } = previous;
    const fresh = this.fresh;
    let r = 0;
    let u = 0;
    let f = 0;
    for (;;) {
      const index = Math.min(reported[r] ?? Infinity, unkept[u] ?? Infinity, fresh[f] ?? Infinity);
      if (index === Infinity) break;
      const again = unkept[u] === index || fresh[f] === index;
      if (reported[r] === index) r++;
      if (unkept[u] === index) u++;
      if (fresh[f] === index) f++;
      visit(index, !again);
    }
  }

  /** After `eachRun` completed without a failure. */
  checkedEveryRun(rule: DockerfileRule): void {
    if (this.recording && this.lastRuns) this.next.runs.set(rule.meta.id, this.lastRuns);
    this.lastRuns = undefined;
  }

  /**
   * The memo of a RUN for this version: the one its previous version left, when this lint follows
   * that one; a fresh one otherwise. ONBUILD triggers, built anew each version, keep none.
   */
  private runMemoOf(site: RunSite, index: number): RunMemo | undefined {
    if (site.onbuild) {
      this.fresh.push(index);
      return undefined;
    }
    const slots = site.run as unknown as Record<symbol, RunMemo | undefined>;
    const carried = slots[RUN_MEMO];
    if (carried && this.previous && carried.version === this.previous.version) {
      carried.version = this.version;
      return carried;
    }
    this.fresh.push(index);
    const fresh: RunMemo = { version: this.version, reports: [] };
    // Enumerable: the parser's copies of an unchanged instruction take it along (parse-cache copyInto).
    slots[RUN_MEMO] = fresh;
    return fresh;
  }
}

function beforeFirstFrom(model: DockerfileModel, line: number): boolean {
  const firstFrom = model.stages[0]?.from.getRange().start.line;
  return firstFrom === undefined || line < firstFrom;
}
