/**
 * The settings the server reads per document: the one typed source of truth. `package.json`'s
 * `contributes.configuration` mirrors these defaults, and a test keeps the two equal.
 */
import { parseUserLabels } from './annotations/labels';

export type DiagnosticSeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ArticleSettings {
  readonly duplicateParagraphs: { readonly severity: DiagnosticSeverityName };
  /** Severity of the `name-variant` diagnostic: one person spelled two ways in one article. */
  readonly nameVariants: { readonly severity: DiagnosticSeverityName };
  /** Severity of the `page-furniture` diagnostic: bylines, teasers, share and comment lines kept from the page. */
  readonly pageFurniture: { readonly severity: DiagnosticSeverityName };
  /** Extra glob patterns of files to treat as articles (the client maps them to the language). */
  readonly files: readonly string[];
  /** Files larger than this many characters get the light analysis only: paragraphs and duplicates, nothing tokenised. */
  readonly maxFileSize: number;
  /** The human annotation layer: who annotates, and the labels offered besides the four entity labels. */
  readonly annotation: AnnotationSettings;
  /** `articleLens.learning.enabled`: labels, acceptances and rejections teach the entity tagger (issue 13). */
  readonly learning: { readonly enabled: boolean };
  // Feature switches and the index's exclusions (issue 16): each feature can be turned off alone.
  /** Actor cards on hover. */
  readonly hover: FeatureSwitch;
  /** Entity colours (semantic tokens). */
  readonly entityHighlighting: FeatureSwitch;
  /** The quote outline (document symbols). */
  readonly outline: FeatureSwitch;
  /** `he (Kerry) said` hints after pronouns in attributions. */
  readonly inlayHints: FeatureSwitch;
  /** Definition, references, highlights, rename and workspace symbols of actors. */
  readonly navigation: FeatureSwitch;
  /** The background scan of the workspace's articles (cross-article hovers, references, the views). */
  readonly workspaceIndex: FeatureSwitch;
  /** Glob patterns (workspace-relative) of files the workspace index leaves out. */
  readonly index: { readonly exclude: readonly string[] };
}

/** An on/off switch of one feature. */
export interface FeatureSwitch {
  readonly enabled: boolean;
}

/** `articleLens.annotation.*`. */
export interface AnnotationSettings {
  /** Written as each annotation's creator; empty means the OS user name (the server fills it in). */
  readonly author: string;
  /** Labels offered besides person, organization, location and misc (e.g. `claim`, `statistic`); valid ones only. */
  readonly labels: readonly string[];
}

export const DEFAULT_SETTINGS: ArticleSettings = Object.freeze({
  duplicateParagraphs: Object.freeze({ severity: 'warning' as const }),
  nameVariants: Object.freeze({ severity: 'hint' as const }),
  pageFurniture: Object.freeze({ severity: 'hint' as const }),
  files: Object.freeze([]) as readonly string[],
  maxFileSize: 10_000_000,
  annotation: Object.freeze({ author: '', labels: Object.freeze([]) as readonly string[] }),
  hover: Object.freeze({ enabled: true }),
  entityHighlighting: Object.freeze({ enabled: true }),
  outline: Object.freeze({ enabled: true }),
  inlayHints: Object.freeze({ enabled: true }),
  navigation: Object.freeze({ enabled: true }),
  workspaceIndex: Object.freeze({ enabled: true }),
  index: Object.freeze({ exclude: Object.freeze([]) as readonly string[] }),
  learning: Object.freeze({ enabled: true }),
});

const SEVERITIES: readonly DiagnosticSeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Merges what the client sent (any shape) over the defaults, ignoring values of the wrong type. */
export function parseSettings(raw: unknown): ArticleSettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const duplicates = (value.duplicateParagraphs ?? {}) as Record<string, unknown>;
  const severity = SEVERITIES.includes(duplicates.severity as DiagnosticSeverityName)
    ? (duplicates.severity as DiagnosticSeverityName)
    : DEFAULT_SETTINGS.duplicateParagraphs.severity;
  const variants = (value.nameVariants ?? {}) as Record<string, unknown>;
  const variantSeverity = SEVERITIES.includes(variants.severity as DiagnosticSeverityName) ? (variants.severity as DiagnosticSeverityName) : DEFAULT_SETTINGS.nameVariants.severity;
  const furniture = (value.pageFurniture ?? {}) as Record<string, unknown>;
  const furnitureSeverity = SEVERITIES.includes(furniture.severity as DiagnosticSeverityName) ? (furniture.severity as DiagnosticSeverityName) : DEFAULT_SETTINGS.pageFurniture.severity;
  const files = Array.isArray(value.files) ? value.files.filter((f): f is string => typeof f === 'string') : DEFAULT_SETTINGS.files;
  const maxFileSize = typeof value.maxFileSize === 'number' && value.maxFileSize > 0 ? value.maxFileSize : DEFAULT_SETTINGS.maxFileSize;
  const annotation = (value.annotation ?? {}) as Record<string, unknown>;
  const author = typeof annotation.author === 'string' ? annotation.author.trim() : DEFAULT_SETTINGS.annotation.author;
  const labels = parseUserLabels(annotation.labels).labels;
  const learning = (value.learning ?? {}) as Record<string, unknown>;
  const learningEnabled = typeof learning.enabled === 'boolean' ? learning.enabled : DEFAULT_SETTINGS.learning.enabled;
  return { duplicateParagraphs: { severity }, nameVariants: { severity: variantSeverity }, pageFurniture: { severity: furnitureSeverity }, files, maxFileSize, annotation: { author, labels }, learning: { enabled: learningEnabled }, ...parseFeatureSwitches(value) };
}

/** The settings that switch one feature on or off. */
export type FeatureSwitchName = 'hover' | 'entityHighlighting' | 'outline' | 'inlayHints' | 'navigation' | 'workspaceIndex';
const FEATURE_SWITCHES: readonly FeatureSwitchName[] = ['hover', 'entityHighlighting', 'outline', 'inlayHints', 'navigation', 'workspaceIndex'];

/** The feature switches and `index.exclude`; a switch that is not a boolean keeps its default (on). */
function parseFeatureSwitches(value: Record<string, unknown>): Pick<ArticleSettings, FeatureSwitchName | 'index'> {
  const switches = {} as Record<FeatureSwitchName, FeatureSwitch>;
  for (const name of FEATURE_SWITCHES) {
    const enabled = ((value[name] ?? {}) as Record<string, unknown>).enabled;
    switches[name] = { enabled: typeof enabled === 'boolean' ? enabled : DEFAULT_SETTINGS[name].enabled };
  }
  const index = (value.index ?? {}) as Record<string, unknown>;
  const exclude = Array.isArray(index.exclude) ? index.exclude.filter((f): f is string => typeof f === 'string') : DEFAULT_SETTINGS.index.exclude;
  return { ...switches, index: { exclude } };
}

/**
 * The part of the settings an analysis reads, as a cache key: a change here makes every cached
 * analysis out of date; a change elsewhere (a severity) only changes how results are shown.
 */
export function analysisSettingsKey(settings: ArticleSettings): string {
  return String(settings.maxFileSize);
}

/**
 * The largest file, in bytes, that can be within `maxFileSize` characters: a character (UTF-16 code
 * unit) takes at most 3 bytes of UTF-8, and an astral character 4 bytes for 2 units. A file over this
 * is over the limit without reading it; one under it is read, and its length in characters decides.
 */
export function maxFileBytes(settings: ArticleSettings): number {
  return settings.maxFileSize * 3;
}
