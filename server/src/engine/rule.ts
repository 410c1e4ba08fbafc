import type { Finding, Fix, Range, RuleMeta, Severity } from './finding';
import type { Workspace } from './workspace';
import type { DockerfileModel } from './dockerfile/model';
import type { BuildContextFacts } from './dockerfile/context';
import type { RunSite } from './dockerfile/shell-facts';
import type { ComposeModel } from './compose/model';
import type { LintConfig } from './config';

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** A finding more (or less) serious than the rule's default, when the rule can tell. */
  severity?: Severity;
  /** The peer codes this particular finding matches, when narrower than the rule's (DL3006 vs DL3007). */
  equivalents?: readonly string[];
}

export interface DockerfileRuleContext {
  readonly model: DockerfileModel;
  readonly workspace: Workspace;
  /** Build context, .dockerignore and the Compose services that build this Dockerfile (lazy). */
  readonly build: BuildContextFacts;
  /** The configuration in force (trusted registries, label schema); severities are applied by the engine. */
  readonly config?: LintConfig;
  report(report: Report): void;
}

export interface DockerfileRule {
  meta: RuleMeta;
  check(context: DockerfileRuleContext): void;
  /**
   * For a rule whose findings are each about one RUN (see `perRun`): checks that RUN alone. Its
   * findings there may depend on that RUN, on the instructions other than RUN, on the comments and on
   * the configuration, but not on the workspace, and on other RUNs only through the helpers of
   * shell-facts and os-packages (which note it). The engine then keeps a RUN's findings while typing
   * elsewhere (see dockerfile/rule-reuse).
   */
  checkRun?(context: DockerfileRuleContext, site: RunSite): void;
  /**
   * True when the rule's findings (their ranges and fixes included) depend on no RUN instruction and
   * not on the workspace: they are kept while typing inside a RUN.
   */
  runIndependent?: boolean;
  /**
   * For a `checkRun` or `runIndependent` rule that also reads what those may not (the build context,
   * the Compose file that picks the final stage): that, as a string. Its findings are kept only while
   * the string stays the same.
   */
  reuseKey?(context: DockerfileRuleContext): string;
  /**
   * For a `checkRun` or `runIndependent` rule: the keywords of the instructions other than RUN
   * whose text its findings may depend on (FROM for anything about stages, images or the OS family;
   * ARG and ENV for variables; SHELL, USER, WORKDIR...). Typing inside an instruction of any other
   * keyword keeps its findings. Absent: only typing inside a RUN does.
   */
  reads?: readonly string[];
}

export type { Finding };

export interface ComposeRuleContext {
  readonly model: ComposeModel;
  readonly workspace: Workspace;
  /** False for text with no folder around it (stdin): cross-file rules stay quiet. */
  readonly onDisk: boolean;
  report(report: Report): void;
}

export interface ComposeRule {
  meta: RuleMeta;
  check(context: ComposeRuleContext): void;
}

export type AnyRule = DockerfileRule | ComposeRule;
