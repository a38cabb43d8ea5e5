// Baton desk: the live list of handoffs offered to a desk user and the opened handoff.
// Plain DOM, no framework. Every text goes through text nodes: never innerHTML with data.

const REASONS = {
  explicit_request: 'Asked for a human',
  low_confidence: 'AI not confident',
  negative_sentiment: 'Customer upset',
  loop: 'Going in circles',
  regulated: 'Regulated topic',
  high_value: 'High value',
  urgency: 'Urgent matter',
  critical_action: 'Critical action',
  error: 'AI error',
  completion: 'Task to review',
  complex: 'Complex case',
  manual: 'Sent by the AI',
};
const ROLES = { customer: 'Customer', ai: 'AI', human: 'Agent', system: 'System', tool: 'Tool' };
const PENDING = new Set(['requested', 'offered', 'failed']);
const HELD = new Set(['accepted', 'active']);
const DONE = new Set(['resolved', 'handed_back']);
const MARK = /\[redacted[^\]]*\]|•••• ?[0-9A-Za-z]{0,4}/g;

const state = {
  user: null, csrf: null, items: new Map(), snapshot: false,
  selected: null, detail: null, openSeq: 0, drafts: {},
  ws: null, retry: 0, timer: null,
};
const $ = (id) => document.getElementById(id);

// ---- tiny DOM helpers -------------------------------------------------------
function h(tag, props, ...kids) {
  const el = tag === 'svg' || props?.svg
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false || k === 'svg') continue;
    if (k === 'testid') el.setAttribute('data-testid', v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, kids);
  return el;
}
function add(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k == null || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}
// Text with redaction markers shown as visible badges.
function rich(text) {
  const s = String(text ?? '');
  const out = [];
  let pos = 0;
  for (const m of s.matchAll(MARK)) {
    if (m.index > pos) out.push(s.slice(pos, m.index));
    out.push(h('mark', { class: 'redacted', testid: 'redaction-mark', title: 'Redacted before it reached the desk' }, m[0]));
    pos = m.index + m[0].length;
  }
  if (pos < s.length) out.push(s.slice(pos));
  return out;
}
const fill = (el, ...kids) => { el.replaceChildren(); return add(el, kids); };
const show = (el, on) => { el.hidden = !on; };
const pad = (n) => String(n).padStart(2, '0');
function dur(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hrs = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return hrs ? `${hrs}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
function clock(at) {
  const d = new Date(at);
  const t = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return d.toDateString() === new Date().toDateString() ? t : `${d.toLocaleDateString()} ${t}`;
}
const reasonLabel = (r) => REASONS[r] || r || 'Handoff';
const fmtValue = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

// ---- HTTP -------------------------------------------------------------------
class Problem extends Error {
  constructor(status, p) {
    super(p?.title ? `${p.title}${p.detail ? ` — ${p.detail}` : ''}` : `Request failed (${status})`);
    this.status = status;
    this.hint = p?.hint;
  }
}
async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  const res = await fetch(`/desk/api${path}`, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = res.status === 204 ? '' : await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) throw new Problem(res.status, data);
  return data;
}
let toastTimer;
function toast(msg, kind = 'error') {
  const t = $('toast');
  fill(t, ...(msg instanceof Problem && msg.hint ? [msg.message, h('small', {}, msg.hint)] : [String(msg.message || msg)]));
  t.dataset.kind = kind;
  show(t, true);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => show(t, false), 8000);
}
// Runs an action, disabling its button meanwhile; errors become a toast.
async function act(btn, fn) {
  if (btn) btn.disabled = true;
  try { return await fn(); } catch (e) {
    if (e.status === 401) sessionLost();
    else toast(e.status === 404 ? 'This handoff is no longer available to you.' : e);
    if (e.status === 409 || e.status === 404) refreshDetail();
    return undefined;
  } finally { if (btn?.isConnected) btn.disabled = false; }
}

// ---- session ----------------------------------------------------------------
async function boot() {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('presence').addEventListener('change', (e) => setPresence(e.target.value));
  $('toast').addEventListener('click', () => show($('toast'), false));
  setInterval(tick, 1000);
  try { start(await api('GET', '/me')); } catch { showLogin(); }
}
function showLogin(message) {
  show($('app'), false);
  show($('login'), true);
  const err = $('login-error');
  err.textContent = message || '';
  show(err, !!message);
  $('login-username').focus();
}
async function login(e) {
  e.preventDefault();
  const btn = e.submitter || e.target.querySelector('button');
  const err = $('login-error');
  btn.disabled = true;
  try {
    start(await api('POST', '/login', {
      username: $('login-username').value.trim(), password: $('login-password').value,
    }));
    $('login-password').value = '';
  } catch (x) {
    err.textContent = x.status === 401 ? 'Wrong username or password.' : x.message;
    show(err, true);
  } finally { btn.disabled = false; }
}
function start({ user, csrf }) {
  state.user = user;
  state.csrf = csrf;
  show($('login'), false);
  show($('app'), true);
  $('me').textContent = user.name || user.username;
  $('me').title = `${user.username} · queues: ${(user.queues || []).join(', ') || 'none'}`;
  $('presence').value = $('presence').dataset.value = user.presence || 'online';
  connect();
  api('GET', '/handoffs').then((r) => {
    if (!state.snapshot) replaceItems(r.items || []);
  }).catch(() => {});
}
function reset() {
  state.user = state.csrf = state.selected = state.detail = null;
  state.items.clear();
  state.snapshot = false;
  clearTimeout(state.timer);
  const ws = state.ws;
  state.ws = null;
  ws?.close();
  renderList();
  fill($('detail'), h('p', { class: 'empty muted' }, 'Choose a handoff on the left to read its context.'));
}
async function logout() {
  try { await api('POST', '/logout'); } catch { /* signed out anyway */ }
  reset();
  showLogin();
}
function sessionLost() {
  reset();
  showLogin('Your session ended. Please sign in again.');
}
async function setPresence(p, fromServer) {
  const sel = $('presence');
  const before = state.user?.presence;
  sel.value = p;
  sel.dataset.value = p;
  if (state.user) state.user.presence = p;
  if (fromServer) {
    if (p !== before && p === 'away') toast('You were set to Away (an offer timed out). Switch back to Online to get offers.', 'info');
    return;
  }
  try { await api('POST', '/presence', { presence: p }); } catch (e) {
    if (state.user) state.user.presence = before;
    sel.value = sel.dataset.value = before;
    if (e.status === 401) sessionLost(); else toast(e);
  }
}

// ---- live updates -------------------------------------------------------------
function connect() {
  if (!state.user || state.ws) return;
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/desk/ws`);
  state.ws = ws;
  ws.onopen = () => { state.retry = 0; setConn('open', 'live'); };
  ws.onmessage = (e) => {
    let m;
    try { m = JSON.parse(e.data); } catch { return; }
    onMessage(m);
  };
  ws.onclose = () => {
    if (state.ws !== ws) return;
    state.ws = null;
    if (!state.user) return;
    const delay = Math.min(15000, 500 * 2 ** state.retry++) * (0.75 + Math.random() / 2);
    setConn('closed', `reconnecting in ${Math.ceil(delay / 1000)} s…`);
    state.timer = setTimeout(async () => {
      try { await api('GET', '/me'); } catch (e) {
        if (e.status === 401) { sessionLost(); return; }
      }
      connect();
    }, delay);
  };
}
function setConn(s, text) {
  const c = $('conn');
  c.dataset.state = s;
  c.textContent = text;
}
function onMessage(m) {
  if (m.type === 'snapshot') {
    state.snapshot = true;
    replaceItems(m.items || []);
  } else if (m.type === 'upsert' && m.item) {
    state.items.set(m.item.id, m.item);
    renderList();
    if (m.item.id === state.selected && state.detail) {
      state.detail.card = m.item;
      state.detail.gone = false;
      renderHead();
      renderActions();
    }
  } else if (m.type === 'remove') {
    state.items.delete(m.id);
    renderList();
    if (m.id === state.selected) gone();
  } else if (m.type === 'presence') {
    setPresence(m.presence, true);
  }
}
function replaceItems(items) {
  state.items = new Map(items.map((c) => [c.id, c]));
  renderList();
  if (state.selected && state.detail) {
    const c = state.items.get(state.selected);
    if (c) { state.detail.card = c; renderHead(); renderActions(); } else gone();
  }
}
// The opened handoff left my list: finished by me (keep it for feedback) or taken away.
function gone() {
  const d = state.detail;
  if (!d || (d.card.mine && DONE.has(d.card.state))) return;
  d.gone = true;
  renderActions();
}

// ---- the list -------------------------------------------------------------------
function sorted() {
  return [...state.items.values()].sort((a, b) =>
    (b.mine - a.mine) || ((b.priority || 0) - (a.priority || 0))
    || (Date.parse(a.created_at) - Date.parse(b.created_at)));
}
function renderList() {
  const list = $('list');
  const focused = document.activeElement?.closest?.('[data-testid="card"]')?.dataset.id;
  const cards = sorted();
  fill(list, ...cards.map(cardEl));
  if (focused) list.querySelector(`[data-id="${CSS.escape(focused)}"] button`)?.focus();
  $('count').textContent = String(cards.length);
  show($('empty'), cards.length === 0);
  const waiting = cards.filter((c) => !c.mine && PENDING.has(c.state)).length;
  document.title = waiting ? `(${waiting}) Baton desk` : 'Baton desk';
}
function cardEl(c) {
  const cls = ['card', c.urgent && 'urgent', c.mine && 'mine', c.id === state.selected && 'selected'];
  return h('li', { class: cls.filter(Boolean).join(' '), testid: 'card', 'data-id': c.id, 'data-state': c.state, 'data-reason': c.reason },
    h('button', { type: 'button', 'aria-current': c.id === state.selected ? 'true' : null, onclick: () => open(c.id) },
      h('span', { class: 'row' },
        h('span', { class: 'reason', testid: 'card-reason' }, reasonLabel(c.reason)),
        c.urgent && h('span', { class: 'badge urgent', testid: 'card-urgent' }, 'URGENT'),
        h('span', { class: 'badge prio', testid: 'card-priority', title: 'Priority' }, `P${c.priority ?? 0}`)),
      h('span', { class: 'row sub' },
        h('span', { testid: 'card-customer' }, c.customer_name || 'Unknown customer'),
        h('span', { class: 'muted' }, ` · ${c.queue || '—'} · ${c.channel || ''}`)),
      h('span', { class: 'row sub' },
        h('span', { testid: 'card-waiting', 'data-since': c.created_at }, waiting(c.created_at)),
        c.offer && !c.mine && h('span', { class: 'countdown', testid: 'card-countdown', 'data-deadline': c.offer.deadline }, countdown(c.offer.deadline)),
        h('span', { class: `state s-${c.state}`, testid: 'card-state' }, c.mine ? `yours · ${c.state}` : c.state))));
}
const waiting = (since) => `waiting ${dur(Date.now() - Date.parse(since))}`;
function countdown(deadline) {
  const left = Date.parse(deadline) - Date.now();
  return left > 0 ? `offer ends in ${dur(left)}` : 'offer expired';
}
function tick() {
  for (const el of document.querySelectorAll('[data-since]')) el.textContent = waiting(el.dataset.since);
  for (const el of document.querySelectorAll('[data-deadline]')) {
    el.textContent = countdown(el.dataset.deadline);
    el.classList.toggle('soon', Date.parse(el.dataset.deadline) - Date.now() < 10000);
  }
}

// ---- the opened handoff ------------------------------------------------------
async function open(id) {
  const seq = ++state.openSeq;
  if (state.selected !== id) state.drafts = {};
  state.selected = id;
  renderList();
  fill($('detail'), h('p', { class: 'empty muted' }, 'Loading the context…'));
  try {
    const d = await api('GET', `/handoffs/${encodeURIComponent(id)}`);
    if (seq !== state.openSeq) return;
    state.detail = { ...d, gone: false, editSummary: false, editData: false, feedback: false };
    renderDetail();
  } catch (e) {
    if (seq !== state.openSeq) return;
    if (e.status === 401) { sessionLost(); return; }
    fill($('detail'), h('p', { class: 'notice empty', testid: 'notice' }, e.status === 404
      ? 'This handoff is no longer yours to see: someone else took it, or it was withdrawn.' : e.message));
  }
}
async function refreshDetail() {
  if (state.selected) await open(state.selected);
}
function section(title, testid, ...body) {
  return h('section', { class: 'block', testid, 'aria-label': title }, h('h3', {}, title), ...body);
}
function renderDetail() {
  const d = state.detail;
  const pane = $('detail');
  const scroll = h('div', { class: 'scroll' });
  d.els = {
    head: h('header', { class: 'd-head' }), summary: h('div'), data: h('div'),
    history: h('ol', { class: 'history', testid: 'history' }), turns: h('p', { class: 'muted small' }), actions: h('div', { class: 'actions', testid: 'actions' }),
  };
  const ctx = d.context || {};
  const meta = ctx.metadata || {};
  add(scroll, [
    d.els.head,
    section('Summary', 'summary', d.els.summary),
    section('Customer', 'customer', d.els.data),
    Object.keys(ctx.crm || {}).length > 0 && section('CRM profile', 'crm', dl(ctx.crm)),
    section('Mood', 'sentiment', trend('Sentiment', meta.sentiment, -1, 1), trend('AI confidence', meta.confidence, 0, 1)),
    section('History', 'history-block', d.els.turns, d.els.history),
    (ctx.artifacts || []).length > 0 && section('Attachments', 'artifacts', h('ul', {}, ctx.artifacts.map(artifact))),
    redactions(ctx.redactions || []),
  ]);
  fill(pane, h('article', { class: 'detail', 'data-id': d.card.id }, scroll, d.els.actions));
  renderHead();
  renderSummary();
  renderData();
  renderHistory();
  renderActions();
}
function renderHead() {
  const { card, context: ctx = {}, els } = state.detail;
  const dec = ctx.decision || {};
  fill(els.head,
    h('div', { class: 'reason-big', testid: 'detail-reason', 'data-reason': card.reason },
      reasonLabel(card.reason), ' ', h('code', {}, card.reason),
      card.urgent && h('span', { class: 'badge urgent' }, 'URGENT')),
    h('p', { class: 'explanation', testid: 'detail-explanation' }, rich(card.explanation || dec.explanation || 'No explanation was given.')),
    h('p', { class: 'muted small' },
      (card.rule || dec.rule) && ['Rule ', h('code', { testid: 'detail-rule' }, card.rule || dec.rule)],
      (dec.matched || []).map((m) => h('span', { class: 'chip' }, m))),
    h('p', { class: 'facts' },
      h('span', { class: `state s-${card.state}`, testid: 'detail-state', 'data-state': card.state }, card.state.replace('_', ' ')),
      h('span', {}, card.customer_name || ctx.customer?.name || 'Unknown customer'),
      h('span', {}, `queue ${card.queue || '—'}`), h('span', {}, card.channel || ''),
      h('span', {}, `P${card.priority ?? 0}`),
      h('span', { 'data-since': card.created_at }, waiting(card.created_at)),
      card.offer && !card.mine && PENDING.has(card.state)
        && h('span', { class: 'countdown', 'data-deadline': card.offer.deadline }, countdown(card.offer.deadline))));
}
const canEdit = () => state.detail.card.mine && HELD.has(state.detail.card.state) && !state.detail.gone;
function renderSummary() {
  const d = state.detail;
  const sum = d.context?.summary || { text: '' };
  if (d.editSummary) {
    const ta = h('textarea', { id: 'summary-input', testid: 'summary-input', rows: 4, 'aria-label': 'Summary', value: sum.text });
    const save = h('button', { type: 'button', class: 'primary', testid: 'summary-save', onclick: () => act(save, async () => {
      await api('POST', `/handoffs/${enc()}/edit`, { summary: ta.value });
      d.context.summary = { ...sum, text: ta.value, by: 'human' };
      d.editSummary = false;
      renderSummary();
    }) }, 'Save summary');
    fill(d.els.summary, ta, h('div', { class: 'buttons' }, save,
      h('button', { type: 'button', class: 'ghost', onclick: () => { d.editSummary = false; renderSummary(); } }, 'Cancel')));
    ta.focus();
    return;
  }
  fill(d.els.summary,
    h('p', { class: 'summary', testid: 'summary-text' }, sum.text ? rich(sum.text) : h('span', { class: 'muted' }, 'No summary.')),
    sum.wants && h('p', {}, h('strong', {}, 'Wants: '), rich(sum.wants)),
    (sum.tried || []).length > 0 && h('p', {}, h('strong', {}, 'Tried: '), rich(sum.tried.join('; '))),
    h('p', { class: 'muted small' }, sum.by ? `by ${sum.by}` : '',
      canEdit() && h('button', { type: 'button', class: 'link', testid: 'summary-edit', onclick: () => { d.editSummary = true; renderSummary(); } }, 'Edit summary')));
}
function renderData() {
  const d = state.detail;
  const cust = d.context?.customer || {};
  const data = cust.data || {};
  const ident = h('p', { class: 'muted small' }, [cust.name, cust.id && `id ${cust.id}`,
    ...(cust.accounts || []).map((a) => `${a.system}: ${a.id}`)].filter(Boolean).join(' · '));
  if (!d.editData) {
    fill(d.els.data, ident,
      Object.keys(data).length ? dl(data, 'data-list') : h('p', { class: 'muted', testid: 'data-list' }, 'Nothing collected yet.'),
      canEdit() && h('button', { type: 'button', class: 'link', testid: 'data-edit', onclick: () => { d.editData = true; renderData(); } }, 'Edit collected data'));
    return;
  }
  const rows = h('div', { class: 'kv-edit' });
  const row = (k, v, isNew) => {
    const key = h('input', { 'aria-label': 'Field name', value: k, readonly: !isNew, testid: 'data-key' });
    const val = h('input', { 'aria-label': `Value of ${k || 'new field'}`, value: v == null ? '' : fmtValue(v), testid: 'data-value' });
    rows.append(h('div', { class: 'kv-row' }, key, val));
  };
  for (const [k, v] of Object.entries(data)) row(k, v, false);
  const save = h('button', { type: 'button', class: 'primary', testid: 'data-save', onclick: () => act(save, async () => {
    const changes = {};
    for (const r of rows.children) {
      const [k, v] = [...r.querySelectorAll('input')].map((i) => i.value);
      if (!k.trim() || fmtValue(data[k.trim()] ?? '') === v) continue;
      changes[k.trim()] = typeof data[k.trim()] === 'string' || data[k.trim()] === undefined ? v : parse(v);
    }
    if (Object.keys(changes).length) await api('POST', `/handoffs/${enc()}/edit`, { data: changes });
    cust.data = { ...data, ...changes };
    d.context.customer = cust;
    d.editData = false;
    renderData();
  }) }, 'Save data');
  fill(d.els.data, ident, rows, h('div', { class: 'buttons' },
    h('button', { type: 'button', class: 'ghost', onclick: () => row('', '', true) }, 'Add field'), save,
    h('button', { type: 'button', class: 'ghost', onclick: () => { d.editData = false; renderData(); } }, 'Cancel')));
}
function parse(v) { try { return JSON.parse(v); } catch { return v; } }
function dl(obj, testid) {
  return h('dl', { class: 'kv', testid }, Object.entries(obj).map(([k, v]) => [h('dt', {}, k), h('dd', {}, rich(fmtValue(v)))]));
}
function renderHistory() {
  const hist = state.detail.context?.history || [];
  state.detail.els.turns.textContent = `${hist.length} turns, oldest first`;
  fill(state.detail.els.history, ...hist.map((t) => h('li', { class: `turn r-${t.role}`, testid: 'history-entry', 'data-role': t.role, 'data-seq': t.seq },
    h('div', { class: 'turn-head' },
      h('span', { class: 'role', testid: 'history-role' }, ROLES[t.role] || t.role),
      h('time', { datetime: t.at, title: new Date(t.at).toString(), testid: 'history-time' }, clock(t.at)),
      t.intent && h('span', { class: 'chip' }, `intent ${t.intent}`),
      t.confidence != null && h('span', { class: 'chip' }, `confidence ${Number(t.confidence).toFixed(2)}`),
      t.sentiment != null && h('span', { class: `chip ${t.sentiment < -0.3 ? 'neg' : ''}` }, `sentiment ${Number(t.sentiment).toFixed(2)}`),
      t.event && h('span', { class: 'chip ev' }, t.event.replace('_', ' '))),
    h('p', { class: 'text', testid: 'history-text' }, rich(t.text)),
    t.data && Object.keys(t.data).length > 0 && dl(t.data))));
}
function trend(label, series, lo, hi) {
  if (!series || !(series.turns || []).length) return h('p', { class: 'muted small' }, `${label}: not scored.`);
  const W = 180, H = 36, P = 3, vals = series.turns.map((t) => t.value);
  const x = (i) => P + (vals.length === 1 ? (W - 2 * P) / 2 : (i * (W - 2 * P)) / (vals.length - 1));
  const y = (v) => P + ((hi - Math.min(hi, Math.max(lo, v))) * (H - 2 * P)) / (hi - lo);
  const pts = vals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const arrow = { rising: '↗', falling: '↘', steady: '→' }[series.trend] || '';
  const desc = `${label}: latest ${series.latest.toFixed(2)}, mean ${series.mean.toFixed(2)}, low ${series.min.toFixed(2)}, ${series.trend}`;
  return h('div', { class: 'trend' },
    h('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': desc, class: `spark t-${series.trend}` },
      lo < 0 && h('line', { svg: true, x1: 0, x2: W, y1: y(0), y2: y(0), class: 'zero' }),
      h('polyline', { svg: true, points: pts, fill: 'none' }),
      h('circle', { svg: true, cx: x(vals.length - 1), cy: y(vals.at(-1)), r: 2.5 })),
    h('span', { class: 'small' }, h('strong', {}, label), ` ${arrow} ${series.latest.toFixed(2)} (${series.trend}, low ${series.min.toFixed(2)})`));
}
function artifact(a) {
  let href = null;
  try { href = a.url && ['http:', 'https:'].includes(new URL(a.url, location.href).protocol) ? a.url : null; } catch { href = null; }
  const label = `${a.name} (${a.media_type}, ${Math.ceil(a.size / 1024)} KiB)`;
  return h('li', {}, href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, label) : label);
}
function redactions(list) {
  return section(`Redacted for you (${list.length})`, 'redactions',
    list.length ? h('ul', { class: 'redactions', testid: 'redactions-list' }, list.map((r) => h('li', {},
      h('mark', { class: 'redacted' }, r.kind), ' ', h('code', {}, r.path), ` ${r.action} by ${r.rule}`)))
      : h('p', { class: 'muted small', testid: 'redactions-list' }, 'Nothing was redacted.'));
}

// ---- actions -----------------------------------------------------------------
const enc = () => encodeURIComponent(state.detail.card.id);
function draft(name, props) {
  const el = h(props.rows ? 'textarea' : 'input', { ...props, value: state.drafts[name] || '' });
  el.addEventListener('input', () => { state.drafts[name] = el.value; });
  return el;
}
function applyCard(card) {
  state.detail.card = card;
  state.detail.gone = false; // the server just answered with the card as it stands
  if (state.items.has(card.id)) state.items.set(card.id, card);
  renderList();
  renderHead();
  renderSummary();
  renderData();
  renderActions();
}
function renderActions(force) {
  const d = state.detail, c = d.card, box = d.els.actions;
  const mode = [d.gone, c.mine, c.state, d.read_confirmed, d.feedback].join('|');
  if (!force && box.dataset.mode === mode) return; // same controls: keep focus and what is typed
  box.dataset.mode = mode;
  const post = (what, body) => api('POST', `/handoffs/${enc()}/${what}`, body);
  if (d.gone) {
    fill(box, h('div', { class: 'bar' }, h('p', { class: 'notice', testid: 'notice', role: 'status' },
      'This handoff is no longer offered to you: someone else took it, it was withdrawn or its offer ran out.'),
      h('span', { class: 'spacer' }), h('button', { type: 'button', class: 'ghost', onclick: close }, 'Close')));
    return;
  }
  if (!c.mine && PENDING.has(c.state)) {
    const read = h('input', { type: 'checkbox', id: 'read-confirm', testid: 'read-confirm', checked: d.read_confirmed, disabled: d.read_confirmed });
    const accept = h('button', { type: 'button', class: 'primary', testid: 'accept', disabled: !d.read_confirmed }, 'Accept');
    read.addEventListener('change', () => {
      if (!read.checked) return;
      act(read, async () => {
        const r = await post('read');
        d.read_confirmed = r?.read_confirmed !== false;
        renderActions();
      }).then(() => { if (!d.read_confirmed && read.isConnected) read.checked = false; });
    });
    accept.addEventListener('click', () => act(accept, async () => applyCard(await post('accept'))));
    const why = draft('reject', { 'aria-label': 'Reason for declining', placeholder: 'Why you decline (required)', testid: 'reject-reason' });
    const reject = h('button', { type: 'button', class: 'danger', testid: 'reject' }, 'Reject');
    reject.addEventListener('click', () => {
      if (!why.value.trim()) { toast('Say why you decline, so the next person knows.'); why.focus(); return; }
      act(reject, async () => { await post('reject', { reason: why.value.trim() }); close(); }); // the feed updates the list
    });
    fill(box, h('div', { class: 'bar' },
      h('label', { class: 'check' }, read, ' I have read the context'), accept,
      h('span', { class: 'spacer' }), why, reject));
    return;
  }
  if (c.mine && HELD.has(c.state)) {
    const text = draft('reply', { rows: 2, 'aria-label': 'Reply to the customer', placeholder: 'Reply to the customer… (Ctrl+Enter sends)', testid: 'reply-input' });
    const send = h('button', { type: 'button', class: 'primary', testid: 'reply-send' }, 'Send');
    const doSend = () => {
      if (!text.value.trim()) return;
      act(send, async () => {
        const turn = await post('reply', { text: text.value });
        (d.context.history ||= []).push(turn);
        state.drafts.reply = '';
        renderHistory();
        d.els.history.lastElementChild?.scrollIntoView({ block: 'nearest' });
        renderActions(true);
        d.els.actions.querySelector('[data-testid="reply-input"]')?.focus();
      });
    };
    send.addEventListener('click', doSend);
    text.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) doSend(); });
    const code = draft('code', { 'aria-label': 'Resolution code', placeholder: 'code, e.g. refund_issued', testid: 'resolve-code', class: 'short' });
    const note = draft('note', { 'aria-label': 'Resolution note', placeholder: 'note (optional)', testid: 'resolve-note' });
    const resolve = h('button', { type: 'button', class: 'ok', testid: 'resolve' }, 'Resolve');
    resolve.addEventListener('click', () => act(resolve, async () => {
      const body = {};
      if (code.value.trim()) body.code = code.value.trim();
      if (note.value.trim()) body.note = note.value.trim();
      d.code = body.code;
      applyCard(await post('resolve', body));
    }));
    const hbNote = draft('handback', { 'aria-label': 'Note for the AI', placeholder: 'note for the AI (required)', testid: 'handback-note' });
    const back = h('button', { type: 'button', class: 'ghost', testid: 'handback' }, 'Hand back to AI');
    back.addEventListener('click', () => {
      if (!hbNote.value.trim()) { toast('Leave the AI a note: what was done and what it should do next.'); hbNote.focus(); return; }
      act(back, async () => applyCard(await post('handback', { note: hbNote.value.trim() })));
    });
    fill(box,
      h('div', { class: 'bar' }, text, send),
      h('div', { class: 'bar' }, code, note, resolve, h('span', { class: 'spacer' }), hbNote, back));
    return;
  }
  if (DONE.has(c.state)) {
    fill(box, h('div', { class: 'bar' },
      h('p', { class: 'notice ok', testid: 'done', role: 'status' }, c.state === 'resolved' ? 'Resolved.' : 'Handed back to the AI.'),
      d.feedback && h('span', { class: 'muted', testid: 'feedback-thanks' }, 'Thanks — your verdict was recorded.'),
      h('span', { class: 'spacer' }), h('button', { type: 'button', class: 'ghost', onclick: close }, 'Close')),
    !d.feedback && feedbackForm(d));
    return;
  }
  fill(box, h('p', { class: 'notice', testid: 'notice' }, `This handoff is ${c.state.replace('_', ' ')}.`));
}
function feedbackForm(d) {
  const box = (name, label) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked: true, testid: `feedback-${name}` }), ` ${label}`);
  const form = h('form', { class: 'bar feedback', testid: 'feedback-form', 'aria-label': 'Was this handoff right?' },
    h('strong', {}, 'Was this handoff right?'),
    box('needed', 'A human was needed'), box('correct_reason', 'Reason was right'), box('correct_queue', 'Right queue'),
    h('input', { name: 'resolution_code', class: 'short', 'aria-label': 'Resolution code', placeholder: 'resolution code', value: d.code || '' }),
    h('input', { name: 'comment', 'aria-label': 'Comment', placeholder: 'comment (optional)' }),
    h('button', { type: 'submit', testid: 'feedback-submit' }, 'Send verdict'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = form.elements;
    const body = { needed: f.needed.checked, correct_reason: f.correct_reason.checked, correct_queue: f.correct_queue.checked };
    if (f.resolution_code.value.trim()) body.resolution_code = f.resolution_code.value.trim();
    if (f.comment.value.trim()) body.comment = f.comment.value.trim();
    act(e.submitter, async () => {
      await api('POST', `/handoffs/${enc()}/feedback`, body);
      d.feedback = true;
      renderActions();
    });
  });
  return form;
}
function close() {
  state.selected = state.detail = null;
  state.drafts = {};
  renderList();
  fill($('detail'), h('p', { class: 'empty muted' }, 'Choose a handoff on the left to read its context.'));
}

boot();
