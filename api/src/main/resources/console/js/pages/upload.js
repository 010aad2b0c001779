// Upload: drop a file, see how it would be read and mapped, then import it.
import * as api from '../api.js';
import { h, errorBox, act, table, query } from '../ui.js';
import { mappingRows } from '../fields.js';
import { fileGrid, fieldsByColumn } from '../grid.js';

export function uploadPage({ customerId, main }) {
  const input = h('input', { type: 'file', id: 'upload-file', accept: '.csv,.tsv,.txt,.xlsx,.xls,.zip,.gz' });
  const zone = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', {}, 'Drop a CSV or Excel export here, or'), h('label', { for: 'upload-file' }, 'choose a file'), input);
  const error = errorBox('upload-error');
  const result = h('div', { id: 'upload-preview' });
  main.append(h('h1', {}, `Upload a budget file for ${customerId}`),
    h('p', { class: 'note' }, 'Nothing is imported until you press Import: first you see how the file is read.'),
    zone, error, result);

  const take = file => file && preview(customerId, file, result, error);
  input.addEventListener('change', () => take(input.files[0]));
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => { e.preventDefault(); zone.classList.remove('over'); take(e.dataTransfer.files[0]); });
}

async function preview(customerId, file, result, error) {
  error.textContent = '';
  result.replaceChildren(h('p', { 'aria-live': 'polite' }, `Reading ${file.name}…`));
  let p;
  try {
    p = await api.postFile('/api/mapping/preview/grid?' + query({ customerId, filename: file.name }), file);
  } catch (e) {
    result.replaceChildren();
    error.textContent = `${file.name}: ${e.message}`;
    return;
  }
  const m = p.preview;
  const importButton = h('button', { type: 'button', id: 'import' }, `Import ${file.name}`);
  const importError = errorBox('import-error');
  importButton.addEventListener('click', () => act(importButton, importError, async () => {
    const started = await api.postFile('/api/sync/upload?' + query({ customerId, filename: file.name }), file);
    location.hash = `#/runs/${encodeURIComponent(started.syncId)}`;
  }));
  result.replaceChildren(
    h('h2', {}, file.name),
    h('p', { id: 'preview-format' }, `Read as ${m.format.format}` + (m.format.sheet ? `, sheet “${m.format.sheet}”` : '')
      + (m.format.delimiter ? `, separated by “${m.format.delimiter}”` : '') + `, header on row ${m.headerRow}.`),
    m.status === 'needs_review'
      ? h('div', { class: 'question', id: 'preview-problems' }, h('p', {},
        'The mapping is not sure enough to import by itself. You can import anyway: the run will stop for review, '
        + 'and you answer its questions there.'), h('ul', {}, m.problems.map(x => h('li', {}, x))))
      : h('p', { class: 'ok' }, 'The mapping is confident: the file can be imported.'),
    fileGrid(p.headers, p.rows, column => fieldsByColumn(m.mapping)[column]),
    h('h2', {}, 'Mapping'),
    table('Which column feeds each budget field, and why', [
      ['Field', r => r.label], ['Column', r => r.column], ['Confidence', r => `${Math.round(r.confidence * 100)}%`, 'num'],
      ['Why', r => r.reason],
      ['Also considered', r => r.alternatives.map(a => `${a.column} (${Math.round(a.confidence * 100)}%)`).join(', ')],
    ], mappingRows(m.mapping), { id: 'preview-mapping' }),
    h('div', { class: 'actions' }, importButton), importError);
}
