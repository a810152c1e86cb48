/**
 * The labels a person can give a span: the four entity labels of CoNLL-2003 and any label declared in the
 * setting `articleLens.annotation.labels` (e.g. `claim`, `statistic`). A label is one word, because it
 * becomes a brat type and a CoNLL tag, where white space separates fields.
 */

/** The entity labels every article knows. */
export const ENTITY_LABELS = ['person', 'organization', 'location', 'misc'] as const;

/** One of {@link ENTITY_LABELS}. */
export type EntityLabel = (typeof ENTITY_LABELS)[number];

const BRAT_TYPES: Readonly<Record<EntityLabel, string>> = { person: 'Person', organization: 'Organization', location: 'Location', misc: 'Misc' };
const CONLL_TAGS: Readonly<Record<EntityLabel, string>> = { person: 'PER', organization: 'ORG', location: 'LOC', misc: 'MISC' };

/** Letters, digits, `_`, `-`, `.`; no white space, no `:` or `;` (brat's separators), not empty. */
const LABEL_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

/** True for one of the four entity labels. */
export function isEntityLabel(label: string): label is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(label);
}

/** True when `label` can be written as a brat type and a CoNLL tag. */
export function isValidLabel(label: string): boolean {
  return LABEL_PATTERN.test(label) && label.length <= 64;
}

/**
 * The user labels of the setting `articleLens.annotation.labels` (any shape): valid, distinct labels in
 * the order given, and one message per value left out.
 */
export function parseUserLabels(raw: unknown): { labels: string[]; problems: string[] } {
  const labels: string[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { labels, problems };
  if (!Array.isArray(raw)) return { labels, problems: ['articleLens.annotation.labels must be a list of words'] };
  for (const value of raw) {
    if (typeof value !== 'string' || !isValidLabel(value)) {
      problems.push(`label ${JSON.stringify(value)} left out: a label is one word of letters, digits, _ . -`);
    } else if (!isEntityLabel(value) && isEntityLabel(labelOfExternalName(value))) {
      // `PER`, `Location`: brat, CoNLL and doccano name an entity label so, and an export read back would
      // turn this label into that one. The entity label is offered anyway.
      problems.push(`label ${JSON.stringify(value)} left out: brat and CoNLL call the entity label ${labelOfExternalName(value)} so; use ${labelOfExternalName(value)}, or another word`);
    } else if (!labels.includes(value) && !isEntityLabel(value)) {
      labels.push(value);
    }
  }
  return { labels, problems };
}

/** The brat entity type of a label: `Person`, `Organization`, `Location`, `Misc`; user labels as they are. */
export function bratTypeOfLabel(label: string): string {
  return isEntityLabel(label) ? BRAT_TYPES[label] : label;
}

/** The CoNLL tag stem of a label: `PER`, `ORG`, `LOC`, `MISC`; user labels as they are. */
export function conllTagOfLabel(label: string): string {
  return isEntityLabel(label) ? CONLL_TAGS[label] : label;
}

/**
 * The label of a brat type, CoNLL tag stem or doccano label: the names above (and the spelled-out
 * `PERSON`, `ORGANIZATION`, `LOCATION` some corpora use) map to entity labels, anything else is a user
 * label as written.
 */
export function labelOfExternalName(name: string): string {
  for (const label of ENTITY_LABELS) {
    if (name === BRAT_TYPES[label] || name === CONLL_TAGS[label] || name === label.toUpperCase()) return label;
  }
  return name;
}
