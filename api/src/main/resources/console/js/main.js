// The console's shell: sign-in, the customer a page is about, navigation by URL hash.
import * as api from './api.js';
import { h, errorBox, act, field } from './ui.js';
import { runsPage } from './pages/runs.js';
import { runPage } from './pages/run.js';
import { changesPage } from './pages/changes.js';
import { uploadPage } from './pages/upload.js';
import { reviewPage } from './pages/review.js';
import { budgetsPage } from './pages/budgets.js';
import { healthPage } from './pages/health.js';
import { sourcesPage } from './pages/sources.js';

const CUSTOMER = 'budget-sync.customer';
let session = null;

/** What every page gets: the signed-in caller, the customer in view, a place to render. */
function context() {
  return {
    session,
    customerId: session.admin ? sessionStorage.getItem(CUSTOMER) || '' : session.customerId,
    main: document.getElementById('main'),
  };
}

const routes = [
  // [hash, page, needs a customer]
  [/^#\/runs\/([^/?]+)$/, (ctx, id) => runPage(ctx, decodeURIComponent(id)), false],
  [/^#\/runs\/([^/?]+)\/changes$/, (ctx, id) => changesPage(ctx, decodeURIComponent(id)), false],
  [/^#\/runs(\?.*)?$/, ctx => runsPage(ctx), true],
  [/^#\/upload$/, ctx => uploadPage(ctx), true],
  [/^#\/sources$/, ctx => sourcesPage(ctx), true],
  [/^#\/review\/([^/?]+)$/, (ctx, id) => reviewPage(ctx, decodeURIComponent(id)), false],
  [/^#\/budgets$/, ctx => budgetsPage(ctx), true],
  [/^#\/health$/, ctx => healthPage(ctx), false],
];

async function route() {
  const main = document.getElementById('main');
  if (!api.token() || !session) {
    if (api.token() && await loadSession()) return route();
    return signInPage(main);
  }
  const hash = location.hash || '#/runs';
  for (const [pattern, page, needsCustomer] of routes) {
    const match = hash.match(pattern);
    if (match) {
      markNav(hash);
      main.replaceChildren();
      const ctx = context();
      if (!ctx.customerId && needsCustomer) {
        main.append(h('h1', {}, 'Choose a customer'),
          h('p', {}, 'Type the customer id in the box at the top right to see its runs, budgets and uploads.'));
        return;
      }
      await page(ctx, ...match.slice(1));
      return;
    }
  }
  location.hash = '#/runs';
}

function markNav(hash) {
  for (const a of document.querySelectorAll('#nav a')) {
    a.toggleAttribute('aria-current', hash.startsWith(a.getAttribute('href')));
    if (a.hasAttribute('aria-current')) a.setAttribute('aria-current', 'page');
  }
}

async function loadSession() {
  try {
    session = await api.get('/api/session');
  } catch (e) {
    api.signOut();
    session = null;
    return false;
  }
  showWho();
  return true;
}

function showWho() {
  const who = document.getElementById('who');
  const signOut = h('button', { class: 'secondary', onclick: () => { api.signOut(); session = null; location.hash = '#/signin'; route(); } },
    'Sign out');
  if (session.admin) {
    const input = h('input', { id: 'customer', value: sessionStorage.getItem(CUSTOMER) || '', autocomplete: 'off',
      placeholder: 'customer id' });
    const form = h('form', { onsubmit: e => { e.preventDefault(); sessionStorage.setItem(CUSTOMER, input.value.trim()); route(); } },
      h('label', { for: 'customer', class: 'inline' }, 'Customer '), input, ' ', h('button', { class: 'secondary' }, 'Show'));
    who.replaceChildren(h('span', {}, 'Admin'), form, signOut);
  } else {
    who.replaceChildren(h('span', { id: 'signed-in-customer' }, `Customer: ${session.customerId}`), signOut);
  }
  who.hidden = false;
  document.getElementById('nav').hidden = false;
}

function signInPage(main) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true,
    'aria-describedby': 'token-help' });
  const error = errorBox('signin-error');
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', {
    class: 'signin', onsubmit: async e => {
      e.preventDefault();
      api.signIn(input.value.trim());
      await act(button, error, async () => {
        if (!await loadSession()) throw new Error('That token was not accepted. Check it and try again.');
        if (!location.hash || location.hash === '#/signin') location.hash = '#/runs';
        else route();
      });
    },
  },
  h('h1', {}, 'Sign in'),
  field('Admin token or customer API key', input),
  h('p', { id: 'token-help', class: 'note' },
    'It stays in this browser tab only and is forgotten when you close the tab.'),
  button, error);
  main.replaceChildren(form);
  input.focus();
}

window.addEventListener('hashchange', route);
route();
