// The open questions of a mapping review, each {field, question, why, candidates: [{column, confidence}]}.
import { FIELDS } from './fields.js';

const REQUIRED = ['department', 'fiscalPeriod', 'amount'];

/**
 * The mapper's structured review questions when the preview carries them (MappingResult.questions, mapping-v2);
 * until then, derived from the preview: a required field without a column, or a field a problem names (low
 * confidence, a tie, a pin not in the file), asked with the chosen column and its alternatives as candidates.
 */
export function reviewQuestions(preview) {
  if (Array.isArray(preview.questions)) return preview.questions;
  const problems = preview.problems || [];
  const questions = [];
  for (const [name, label] of FIELDS) {
    const m = preview.mapping[name];
    const why = problems.filter(p => p.startsWith(name + ':') || p.startsWith(name + ' ')
      || p.endsWith('field ' + name) || p.includes(`(${name})`));
    if (!why.length && (m || !REQUIRED.includes(name))) continue;
    const candidates = m && m.column ? [{ column: m.column, confidence: m.confidence }, ...(m.alternatives || [])] : [];
    questions.push({ field: name, question: `Which column holds the ${label.toLowerCase()}?`,
      why: why.join('; ') || `no column was found for ${label.toLowerCase()}`,
      candidates: candidates.sort((a, b) => b.confidence - a.confidence) });
  }
  return questions;
}
