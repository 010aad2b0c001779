// Review a mapping: the open questions first, answered with one click; the grid shows the result; save and re-run.
import * as api from '../api.js';
import { h, nodes, errorBox, act } from '../ui.js';
import { fieldLabel } from '../fields.js';
import { reviewQuestions } from '../questions.js';
import { fileGrid, fieldsByColumn } from '../grid.js';

export async function reviewPage({ main }, syncId) {
  const error = errorBox('review-error');
  main.append(h('p', {}, h('a', { href: `#/runs/${encodeURIComponent(syncId)}` }, '← The run')),
    h('h1', {}, 'Review the mapping'), error);
  let review;
  try {
    review = await api.get(`/api/sync/history/${encodeURIComponent(syncId)}/review`);
  } catch (e) {
    error.textContent = e.message;
    return;
  }
  const { headers, rows, preview } = review.file;
  const questions = reviewQuestions(preview);
  const answers = {}; // field → column
  const detected = fieldsByColumn(preview.mapping);
  const fieldOf = column => {
    const answered = Object.entries(answers).find(([, c]) => c === column);
    if (answered) return answered[0];
    const field = detected[column];
    return field && !answers[field] ? field : undefined;
  };

  const gridHolder = h('div');
  const save = h('button', { type: 'button', id: 'save-review' }, 'Save answers and re-run the file');
  const saveError = errorBox('save-error');
  const refresh = () => {
    gridHolder.replaceChildren(fileGrid(headers, rows, fieldOf));
    save.disabled = questions.some(q => !answers[q.field]);
  };

  main.append(...nodes(h('p', {}, `${review.filename}: ${review.message || review.status}`),
    h('h2', {}, questions.length ? `Open questions (${questions.length})` : 'No open questions'),
    questions.map((q, i) => question(q, i, headers, column => { answers[q.field] = column; refresh(); })),
    h('h2', {}, 'The file'), gridHolder,
    h('p', { class: 'note' }, 'Your answers are saved as pins on the source, so the next files of this source map '
      + 'the same way.'),
    h('div', { class: 'actions' }, save), saveError));
  save.addEventListener('click', () => act(save, saveError, async () => {
    const pins = Object.fromEntries(Object.entries(answers).map(([field, column]) => [column, field]));
    const started = await api.post(`/api/sync/history/${encodeURIComponent(syncId)}/review`, { pins });
    location.hash = `#/runs/${encodeURIComponent(started.syncId)}`;
  }));
  refresh();
}

/** One question: a button per ranked candidate, or any column from a list. */
function question(q, index, headers, answer) {
  const buttons = q.candidates.map(c => h('button', {
    type: 'button', class: 'secondary choice', 'aria-pressed': 'false', 'data-column': c.column,
  }, `${c.column} (${Math.round(c.confidence * 100)}%)`));
  const other = h('select', { id: `q${index}-other`, 'data-field': q.field },
    h('option', { value: '' }, 'another column…'), headers.map(c => h('option', { value: c }, c)));
  const choose = column => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.column === column));
    if (!buttons.some(b => b.dataset.column === column)) other.value = column; else other.value = '';
    answer(column);
  };
  buttons.forEach(b => b.addEventListener('click', () => choose(b.dataset.column)));
  other.addEventListener('change', () => other.value && choose(other.value));
  return h('div', { class: 'question', 'data-field': q.field },
    h('fieldset', {}, h('legend', {}, q.question || `Which column holds the ${fieldLabel(q.field)}?`),
      q.why ? h('p', { class: 'note', style: 'flex-basis:100%;margin:0' }, q.why) : null,
      buttons, h('label', { for: other.id, class: 'note' }, 'or'), other));
}
