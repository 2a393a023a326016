import { nameKey } from '../names/split-name.js';

/** Longer texts are classified by their beginning only (bounded work on hostile input). */
const MAX_KEYWORD_TEXT = 500;

/** One label and the phrases that signal it; `*` ends a word prefix ("мобилиз*"), other words match whole. */
export type KeywordRule<T extends string> = readonly [T, readonly string[]];

const LETTERS_AFTER = String.raw`\p{L}*`;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

/** Phrases are written folded (lowercase, е for ё, single spaces), as nameKey leaves text. */
function phraseSource(phrase: string): string {
  const parts = phrase
    .split(' ')
    .map((word) => (word.endsWith('*') ? escape(word.slice(0, -1)) + LETTERS_AFTER : escape(word)));
  return `(?:^| )${parts.join(' ')}(?= |$)`;
}

/** A compiled classifier: folds text like nameKey and returns the first rule whose phrases occur. */
export interface KeywordClassifier<T extends string> {
  classify(text: string): T | null;
}

/** Compiles rules once (at module load) into one regex per label, tried in rule order. */
export function compileKeywordRules<T extends string>(
  rules: readonly KeywordRule<T>[],
): KeywordClassifier<T> {
  const compiled = rules.map(
    ([label, phrases]) => [label, new RegExp(phrases.map(phraseSource).join('|'), 'u')] as const,
  );
  return {
    classify(text: string): T | null {
      const key = nameKey(text.length > MAX_KEYWORD_TEXT ? text.slice(0, MAX_KEYWORD_TEXT) : text);
      if (key === '') return null;
      for (const [label, pattern] of compiled) if (pattern.test(key)) return label;
      return null;
    },
  };
}
