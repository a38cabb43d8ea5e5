// Baton desk: the conversations offered to or held by a desk user, live. The open
// conversation is in the middle with the composer under it; its context is in a side
// panel. Plain DOM, no framework. Every text goes through text nodes: never innerHTML.

const REASONS = {
  explicit_request: 'Asked for a person',
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
const DONE = new Set(['resolved', 'handed_back', 'canceled']);
const MARK = /\[redacted[^\]]*\]|•••• ?[0-9A-Za-z]{0,4}/g;
const HIDDEN = {
  card: 'card number hidden',
  credential: 'password or code hidden',
  national_id: 'ID number hidden',
  bank_account: 'bank account hidden',
  internal_note: 'internal note hidden',
  custom: 'private detail hidden',
  policy: 'left out for the desk',
};

const state = {
  user: null, csrf: null, items: new Map(), snapshot: false, connectedOnce: false,
  selected: null, chats: new Map(), openSeq: 0,
  unread: new Map(), lastSeq: new Map(), offered: new Set(),
  ws: null, retry: 0, timer: null, showContext: false,
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
// What a redaction mark in a text means, in words; `kinds` are what was hidden there.
function markWords(m, kinds = []) {
  const kind = /^\[redacted ([a-z_]+)\]$/.exec(m)?.[1];
  if (kind === 'card') return 'card details hidden'; // e.g. an expiry date
  if (kind) return HIDDEN[kind] || 'hidden';
  const masked = kinds.filter((k) => k === 'card' || k === 'bank_account');
  const what = masked.length === 1 ? HIDDEN[masked[0]] : 'number hidden';
  const last = m.replace('••••', '').trim();
  return last ? `${what}, ends ${last}` : what;
}
// Text with redaction markers shown as badges in plain words.
function rich(text, kinds) {
  const s = String(text ?? '');
  const out = [];
  let pos = 0;
  for (const m of s.matchAll(MARK)) {
    if (m.index > pos) out.push(s.slice(pos, m.index));
    out.push(h('mark', { class: 'redacted', testid: 'redaction-mark', title: 'Hidden before it reached the desk' }, markWords(m[0], kinds)));
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
const reasonLabel = (r) => REASONS[r] || (r ? r.replaceAll('_', ' ') : 'Handoff');
const fmtValue = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const words = (k) => String(k).replaceAll('_', ' ');

// Where a conversation stands, as the person at the desk sees it.
function stateWord(c) {
  if (c.state === 'resolved') return 'resolved';
  if (c.state === 'handed_back') return 'handed back';
  if (c.state === 'canceled') return 'withdrawn';
  if (HELD.has(c.state)) return c.mine ? 'yours' : 'with someone else';
  if (c.offer && !c.mine) return 'offered to you';
  if (c.state === 'failed') return 'waiting for anyone';
  return 'waiting';
}
const stateClass = (c) => `s-${stateWord(c).replaceAll(' ', '-')}`;

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
    else toast(e.status === 404 ? 'This conversation is no longer available to you.' : e);
    if (e.status === 409 || e.status === 404) refreshChat();
    return undefined;
  } finally { if (btn?.isConnected) btn.disabled = false; }
}

// ---- session ----------------------------------------------------------------
async function boot() {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('presence').addEventListener('change', (e) => setPresence(e.target.value));
  $('toast').addEventListener('click', () => show($('toast'), false));
  $('sound').checked = localStorage.getItem('baton.sound') === 'on';
  $('sound').addEventListener('change', (e) => {
    localStorage.setItem('baton.sound', e.target.checked ? 'on' : 'off');
    if (e.target.checked) beep();
  });
  $('notify').addEventListener('click', async () => {
    try { await Notification.requestPermission(); } catch { /* not supported */ }
    renderNotify();
  });
  renderNotify();
  document.addEventListener('visibilitychange', () => { if (!document.hidden) markSeen(); });
  setInterval(tick, 1000);
  try { start(await api('GET', '/me')); } catch { showLogin(); }
}
function renderNotify() {
  const can = typeof Notification !== 'undefined';
  show($('notify'), can && Notification.permission === 'default');
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
  state.user = state.csrf = state.selected = null;
  state.items.clear();
  state.chats.clear();
  state.unread.clear();
  state.lastSeq.clear();
  state.offered.clear();
  state.snapshot = state.connectedOnce = false;
  clearTimeout(state.timer);
  const ws = state.ws;
  state.ws = null;
  ws?.close();
  renderList();
  placeholder();
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
    if (p !== before && p === 'away') toast('You were set to Away (an offer ran out). Switch back to Online to get new conversations.', 'info');
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
    const delay = Math.min(10000, 300 * 2 ** state.retry++) * (0.75 + Math.random() / 2);
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
    const again = state.connectedOnce;
    state.snapshot = state.connectedOnce = true;
    replaceItems(m.items || []);
    if (again) resume();
  } else if (m.type === 'upsert' && m.item) {
    upsert(m.item);
  } else if (m.type === 'remove') {
    state.items.delete(m.id);
    state.offered.delete(m.id);
    renderList();
    if (state.chats.has(m.id)) gone(m.id);
  } else if (m.type === 'turn' && m.turn) {
    onTurn(m.handoff_id, m.turn);
  } else if (m.type === 'typing') {
    const chat = state.chats.get(m.handoff_id);
    if (chat) {
      chat.typing = m.typing ? Date.now() : 0;
      if (m.handoff_id === state.selected) renderTyping();
    }
  } else if (m.type === 'presence') {
    setPresence(m.presence, true);
  }
}
function upsert(card) {
  const before = state.items.get(card.id);
  state.items.set(card.id, card);
  noteSeq(card);
  if (card.offer && !card.mine && !before?.offer) alertOffer(card);
  renderList();
  const chat = state.chats.get(card.id);
  if (chat) {
    chat.card = card;
    chat.gone = false;
    if (card.id === state.selected) renderChatState();
  }
}
// A card's latest turn: what the page has not shown of it is unread.
function noteSeq(card) {
  const known = state.lastSeq.get(card.id);
  if (known != null && card.last_seq > known && !state.chats.has(card.id)) {
    state.unread.set(card.id, (state.unread.get(card.id) || 0) + (card.last_seq - known));
  }
  if (known == null || card.last_seq > known) state.lastSeq.set(card.id, card.last_seq);
}
function replaceItems(items) {
  const ids = new Set(items.map((c) => c.id));
  for (const id of [...state.items.keys()]) if (!ids.has(id)) state.items.delete(id);
  for (const c of items) {
    state.items.set(c.id, c);
    noteSeq(c);
    if (c.offer && !c.mine) state.offered.add(c.id);
  }
  for (const id of [...state.unread.keys()]) if (!ids.has(id)) state.unread.delete(id);
  renderList();
  for (const [id, chat] of state.chats) {
    const c = state.items.get(id);
    if (c) { chat.card = c; chat.gone = false; } else gone(id);
  }
  if (state.selected && state.chats.has(state.selected)) renderChatState();
}
// After a reconnect: every open conversation catches up from the last turn it showed.
async function resume() {
  for (const [id, chat] of state.chats) {
    if (chat.gone) continue;
    try {
      const r = await api('GET', `/handoffs/${encodeURIComponent(id)}/turns?after=${chat.seen}`);
      for (const t of r.turns || []) onTurn(id, t);
    } catch (e) {
      if (e.status === 401) { sessionLost(); return; }
    }
  }
}
function onTurn(id, turn) {
  const chat = state.chats.get(id);
  const known = state.lastSeq.get(id) || 0;
  if (turn.seq > known) state.lastSeq.set(id, turn.seq);
  const card = state.items.get(id);
  if (card && turn.seq > (card.last_seq || 0)) card.last_seq = turn.seq;
  const mineNow = turn.role === 'human' && chat?.sent?.has(turn.seq);
  if (!chat) {
    if (turn.seq > known && state.items.has(id)) {
      state.unread.set(id, (state.unread.get(id) || 0) + 1);
      renderList();
    }
    return;
  }
  const hist = chat.context.history ||= [];
  if (hist.some((t) => t.seq === turn.seq)) return;
  hist.push(turn);
  hist.sort((a, b) => a.seq - b.seq);
  if (turn.role === 'customer') chat.typing = 0;
  const visible = id === state.selected && !document.hidden;
  if (visible) {
    appendTurn(chat, turn);
    chat.seen = Math.max(chat.seen, turn.seq);
  } else if (!mineNow) {
    state.unread.set(id, (state.unread.get(id) || 0) + 1);
  }
  renderList();
}
function markSeen() {
  const chat = state.chats.get(state.selected);
  if (!chat) return;
  const last = (chat.context.history || []).at(-1)?.seq || 0;
  if (last > chat.seen) {
    renderThread();
    chat.seen = last;
  }
  if (state.unread.delete(state.selected)) renderList();
}
// The opened conversation left this user's list: finished by them (keep it for the
// verdict) or taken away.
function gone(id) {
  const chat = state.chats.get(id);
  if (!chat || (chat.card.mine && DONE.has(chat.card.state))) return;
  chat.gone = true;
  if (id === state.selected) renderChatState();
}
function alertOffer(card) {
  state.offered.add(card.id);
  const title = `New conversation: ${reasonLabel(card.reason)}`;
  const body = `${card.customer_name || 'A customer'} · ${card.channel || 'chat'}`;
  if ($('sound').checked) beep();
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && (document.hidden || !document.hasFocus())) {
    try {
      const n = new Notification(title, { body, tag: card.id });
      n.onclick = () => { window.focus(); open(card.id); n.close(); };
    } catch { /* some browsers only notify from a service worker */ }
  }
}
let audio;
function beep() {
  try {
    audio ||= new AudioContext();
    const osc = audio.createOscillator(), gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.35);
  } catch { /* no audio */ }
}

// ---- the list -------------------------------------------------------------------
function sorted(cards) {
  return cards.sort((a, b) =>
    (b.mine - a.mine) || ((b.priority || 0) - (a.priority || 0))
    || (Date.parse(a.created_at) - Date.parse(b.created_at)));
}
function renderList() {
  const list = $('list');
  const focused = document.activeElement?.closest?.('[data-testid="card"]')?.dataset.id;
  const all = [...state.items.values()];
  // A conversation this user let go waits for someone else: out of their way, not gone.
  const passed = sorted(all.filter((c) => c.passed && !c.mine && !c.offer));
  const cards = sorted(all.filter((c) => !passed.includes(c)));
  fill(list, ...cards.map(cardEl));
  fill($('passed-list'), ...passed.map(cardEl));
  $('passed-count').textContent = String(passed.length);
  show($('passed-box'), passed.length > 0);
  if (focused) document.querySelector(`[data-testid="card"][data-id="${CSS.escape(focused)}"] button`)?.focus();
  $('count').textContent = String(cards.length);
  show($('empty'), cards.length === 0);
  const offers = cards.filter((c) => c.offer && !c.mine).length;
  let unread = 0;
  for (const [id, n] of state.unread) if (state.items.has(id)) unread += n;
  const parts = [offers && `${offers} new`, unread && `${unread} unread`].filter(Boolean);
  document.title = parts.length ? `(${parts.join(' · ')}) Baton desk` : 'Baton desk';
}
function cardEl(c) {
  const word = stateWord(c);
  const unread = state.unread.get(c.id) || 0;
  const cls = ['card', c.urgent && 'urgent', c.mine && 'mine', c.id === state.selected && 'selected', unread && 'unread'];
  return h('li', { class: cls.filter(Boolean).join(' '), testid: 'card', 'data-id': c.id, 'data-state': c.state, 'data-reason': c.reason },
    h('button', { type: 'button', 'aria-current': c.id === state.selected ? 'true' : null, onclick: () => open(c.id) },
      h('span', { class: 'row' },
        h('span', { class: 'reason', testid: 'card-reason' }, reasonLabel(c.reason)),
        unread > 0 && h('span', { class: 'badge unread', testid: 'card-unread', title: `${unread} new message${unread === 1 ? '' : 's'}` }, String(unread)),
        c.urgent && h('span', { class: 'badge urgent', testid: 'card-urgent' }, 'URGENT'),
        c.channel === 'voice' && h('span', { class: 'badge call', testid: 'card-call', title: 'A live phone call: the transcript so far is in the conversation' }, 'CALL'),
        h('span', { class: 'badge prio', testid: 'card-priority', title: `Priority ${c.priority ?? 0}` }, `P${c.priority ?? 0}`)),
      h('span', { class: 'row sub' },
        h('span', { testid: 'card-customer' }, c.customer_name || 'Unknown customer'),
        h('span', { class: 'muted' }, ` · ${c.channel || ''}`)),
      h('span', { class: 'row sub' },
        PENDING.has(c.state) && h('span', { testid: 'card-waiting', 'data-since': c.created_at }, waiting(c.created_at)),
        c.offer && !c.mine && h('span', { class: 'countdown', testid: 'card-countdown', 'data-deadline': c.offer.deadline }, countdown(c.offer.deadline)),
        h('span', { class: `state ${stateClass(c)}`, testid: 'card-state' }, word))));
}
const waiting = (since) => `waiting ${dur(Date.now() - Date.parse(since))}`;
function countdown(deadline) {
  const left = Date.parse(deadline) - Date.now();
  return left > 0 ? `offer ends in ${dur(left)}` : 'offer ran out';
}
function tick() {
  for (const el of document.querySelectorAll('[data-since]')) el.textContent = waiting(el.dataset.since);
  for (const el of document.querySelectorAll('[data-deadline]')) {
    el.textContent = countdown(el.dataset.deadline);
    el.classList.toggle('soon', Date.parse(el.dataset.deadline) - Date.now() < 10000);
  }
  const chat = state.chats.get(state.selected);
  if (chat?.typing && Date.now() - chat.typing > 6000) { chat.typing = 0; renderTyping(); }
}

// ---- the open conversation -------------------------------------------------------
function placeholder() {
  fill($('detail'), h('p', { class: 'empty muted' }, 'Choose a conversation on the left.'));
  $('panes').dataset.view = 'list';
}
async function open(id) {
  const seq = ++state.openSeq;
  state.selected = id;
  $('panes').dataset.view = 'chat';
  const known = state.chats.get(id);
  if (known && !known.gone) {
    renderChat();
    markSeen();
    renderList();
    return;
  }
  renderList();
  fill($('detail'), h('p', { class: 'empty muted' }, 'Loading the conversation…'));
  try {
    const d = await api('GET', `/handoffs/${encodeURIComponent(id)}`);
    if (seq !== state.openSeq) return;
    const chat = {
      ...d, gone: false, editSummary: false, editData: false, feedback: false,
      drafts: known?.drafts || {}, sent: new Set(), typing: 0, seen: 0, verdict: {},
    };
    chat.context ||= {};
    // What was hidden in each message, from the package's redaction records.
    for (const r of chat.context.redactions || []) {
      const i = /^\/history\/(\d+)\//.exec(r.path || '')?.[1];
      const t = i != null && chat.context.history?.[Number(i)];
      if (t && !(t.hidden ||= []).includes(r.kind)) t.hidden.push(r.kind);
    }
    chat.seen = (chat.context.history || []).at(-1)?.seq || 0;
    state.chats.set(id, chat);
    state.unread.delete(id);
    state.lastSeq.set(id, Math.max(state.lastSeq.get(id) || 0, chat.seen));
    renderChat();
    renderList();
  } catch (e) {
    if (seq !== state.openSeq) return;
    if (e.status === 401) { sessionLost(); return; }
    fill($('detail'), h('p', { class: 'notice empty', testid: 'notice' }, e.status === 404
      ? 'This conversation is no longer yours to see: someone else took it, or it was withdrawn.' : e.message));
  }
}
async function refreshChat() {
  const id = state.selected;
  if (!id) return;
  const chat = state.chats.get(id);
  if (chat) chat.gone = true; // reload it
  await open(id);
}
function section(title, testid, ...body) {
  return h('section', { class: 'block', testid, 'aria-label': title }, h('h3', {}, title), ...body);
}
function renderChat() {
  const chat = state.chats.get(state.selected);
  const ctx = chat.context;
  const meta = ctx.metadata || {};
  chat.els = {
    head: h('header', { class: 'chat-head' }),
    why: h('div', { class: 'why' }),
    summary: h('div'), data: h('div'),
    history: h('ol', { class: 'history', testid: 'history', 'aria-live': 'polite' }),
    typing: h('p', { class: 'typing muted small', testid: 'typing', hidden: true }, 'The customer is typing…'),
    composer: h('div', { class: 'composer', testid: 'composer' }),
    manage: h('div', { class: 'manage', testid: 'actions' }),
  };
  const thread = h('div', { class: 'thread', testid: 'thread' }, chat.els.history, chat.els.typing);
  const aside = h('aside', { class: 'context', testid: 'context', 'aria-label': 'Context' },
    section('Why a person', 'why', chat.els.why),
    chat.els.manage,
    section('Summary', 'summary', chat.els.summary),
    section('Customer', 'customer', chat.els.data),
    Object.keys(ctx.crm || {}).length > 0 && section('CRM profile', 'crm', dl(ctx.crm)),
    section('Mood', 'sentiment', mood(meta.sentiment), confidence(meta.confidence)),
    (ctx.artifacts || []).length > 0 && section('Attachments', 'artifacts', h('ul', {}, ctx.artifacts.map(artifact))),
    redactions(ctx.redactions || []));
  const article = h('article', { class: `detail${state.showContext ? ' with-context' : ''}`, 'data-id': chat.card.id },
    h('div', { class: 'chat' }, chat.els.head, thread, chat.els.composer), aside);
  fill($('detail'), article);
  renderChatState();
  renderSummary();
  renderData();
  renderThread();
  renderTyping();
}
// Everything that depends on the handoff's state: head, reason, composer, actions.
function renderChatState() {
  const chat = state.chats.get(state.selected);
  if (!chat?.els) return;
  renderHead(chat);
  renderWhy(chat);
  renderComposer(chat);
  renderManage(chat);
}
function renderHead(chat) {
  const { card, context: ctx } = chat;
  const name = card.customer_name || ctx.customer?.name || 'Unknown customer';
  fill(chat.els.head,
    h('button', { type: 'button', class: 'ghost back', testid: 'back', 'aria-label': 'Back to the list', onclick: () => { $('panes').dataset.view = 'list'; } }, '←'),
    h('div', { class: 'who' },
      h('div', { class: 'reason-line', testid: 'detail-reason', 'data-reason': card.reason },
        h('strong', {}, reasonLabel(card.reason)),
        card.urgent && h('span', { class: 'badge urgent' }, 'URGENT'),
        card.channel === 'voice' && h('span', { class: 'badge call', testid: 'detail-call', title: 'A live phone call' }, 'CALL')),
      h('div', { class: 'facts' },
        h('span', { class: 'cust', testid: 'detail-customer' }, name),
        h('span', { class: `state ${stateClass(card)}`, testid: 'detail-state', 'data-state': card.state }, stateWord(card)),
        card.queue && h('span', { testid: 'detail-queue' }, `in ${card.queue === 'failsafe' ? 'the failsafe queue' : `queue ${card.queue}`}`),
        PENDING.has(card.state) && h('span', { 'data-since': card.created_at }, waiting(card.created_at)),
        card.offer && !card.mine && PENDING.has(card.state)
          && h('span', { class: 'countdown', 'data-deadline': card.offer.deadline }, countdown(card.offer.deadline)))),
    h('button', { type: 'button', class: 'ghost ctx-toggle', testid: 'context-toggle', 'aria-expanded': String(state.showContext), onclick: () => {
      state.showContext = !state.showContext;
      document.querySelector('article.detail')?.classList.toggle('with-context', state.showContext);
      renderHead(chat);
    } }, state.showContext ? 'Hide details' : 'Details'));
}
function renderWhy(chat) {
  const { card, context: ctx } = chat;
  const dec = ctx.decision || {};
  const queue = card.queue && (card.queue === 'failsafe' || card.state === 'failed'
    ? `It waits in the failsafe queue (${card.queue}): anyone there may take it.`
    : `It is in the ${card.queue} queue.`);
  fill(chat.els.why,
    h('p', { class: 'explanation', testid: 'detail-explanation' }, rich(card.explanation || dec.explanation || ctx.utterance || 'The AI handed it over without saying why.')),
    queue && h('p', { class: 'muted small', testid: 'detail-where' }, queue),
    (dec.matched || []).length > 0 && h('p', { class: 'muted small' }, 'Matched: ', dec.matched.map((m) => h('span', { class: 'chip' }, m))),
    (card.rule || dec.rule) && h('p', { class: 'muted small' }, 'Rule ', h('code', { testid: 'detail-rule' }, card.rule || dec.rule), ` · priority ${card.priority ?? 0}`));
}
const canEdit = (chat) => chat.card.mine && HELD.has(chat.card.state) && !chat.gone;
function renderSummary() {
  const chat = state.chats.get(state.selected);
  const sum = chat.context.summary || { text: '' };
  if (chat.editSummary) {
    const ta = h('textarea', { id: 'summary-input', testid: 'summary-input', rows: 4, 'aria-label': 'Summary', value: sum.text });
    const save = h('button', { type: 'button', class: 'primary', testid: 'summary-save', onclick: () => act(save, async () => {
      await api('POST', `/handoffs/${enc(chat)}/edit`, { summary: ta.value });
      chat.context.summary = { ...sum, text: ta.value, by: 'human' };
      chat.editSummary = false;
      renderSummary();
    }) }, 'Save summary');
    fill(chat.els.summary, ta, h('div', { class: 'buttons' }, save,
      h('button', { type: 'button', class: 'ghost', onclick: () => { chat.editSummary = false; renderSummary(); } }, 'Cancel')));
    ta.focus();
    return;
  }
  fill(chat.els.summary,
    h('p', { class: 'summary', testid: 'summary-text' }, sum.text ? rich(sum.text, hiddenAt(chat, '/summary/')) : h('span', { class: 'muted' }, 'No summary.')),
    h('p', { class: 'muted small' }, sum.by === 'human' ? 'Corrected by a person.' : sum.by ? 'Quoted from the conversation.' : '',
      canEdit(chat) && h('button', { type: 'button', class: 'link', testid: 'summary-edit', onclick: () => { chat.editSummary = true; renderSummary(); } }, 'Edit summary')));
}
// What the package's redaction records say was hidden under `prefix`.
function hiddenAt(chat, prefix) {
  return [...new Set((chat.context.redactions || []).filter((r) => (r.path || '').startsWith(prefix)).map((r) => r.kind))];
}
function renderData() {
  const chat = state.chats.get(state.selected);
  const cust = chat.context.customer || {};
  const data = cust.data || {};
  // An account with the customer's own id says nothing new.
  const accounts = (cust.accounts || []).filter((a) => a.id !== cust.id);
  const ident = h('p', { class: 'muted small' }, [cust.id && `Customer id ${cust.id}`,
    ...accounts.map((a) => `${a.system} account ${a.id}`)].filter(Boolean).join(' · '));
  if (!chat.editData) {
    fill(chat.els.data, ident,
      Object.keys(data).length ? dl(data, 'data-list') : h('p', { class: 'muted', testid: 'data-list' }, 'Nothing collected yet.'),
      canEdit(chat) && h('button', { type: 'button', class: 'link', testid: 'data-edit', onclick: () => { chat.editData = true; renderData(); } }, 'Edit collected data'));
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
    if (Object.keys(changes).length) await api('POST', `/handoffs/${enc(chat)}/edit`, { data: changes });
    cust.data = { ...data, ...changes };
    chat.context.customer = cust;
    chat.editData = false;
    renderData();
  }) }, 'Save data');
  fill(chat.els.data, ident, rows, h('div', { class: 'buttons' },
    h('button', { type: 'button', class: 'ghost', onclick: () => row('', '', true) }, 'Add field'), save,
    h('button', { type: 'button', class: 'ghost', onclick: () => { chat.editData = false; renderData(); } }, 'Cancel')));
}
function parse(v) { try { return JSON.parse(v); } catch { return v; } }
function dl(obj, testid) {
  return h('dl', { class: 'kv', testid }, Object.entries(obj).map(([k, v]) => [h('dt', {}, words(k)), h('dd', {}, rich(fmtValue(v)))]));
}
function turnEl(t) {
  return h('li', { class: `turn r-${t.role}`, testid: 'history-entry', 'data-role': t.role, 'data-seq': t.seq },
    h('div', { class: 'turn-head' },
      h('span', { class: 'role', testid: 'history-role' }, ROLES[t.role] || t.role),
      h('time', { datetime: t.at, title: new Date(t.at).toString(), testid: 'history-time' }, clock(t.at)),
      t.event && h('span', { class: 'chip ev' }, words(t.event))),
    h('p', { class: 'text', testid: 'history-text' }, rich(t.text, t.hidden)),
    t.data && Object.keys(t.data).length > 0 && dl(t.data));
}
function scrollToEnd(chat) {
  const thread = chat.els.history.parentElement;
  if (thread) thread.scrollTop = thread.scrollHeight;
}
function renderThread() {
  const chat = state.chats.get(state.selected);
  const hist = chat.context.history || [];
  fill(chat.els.history, ...hist.map(turnEl));
  requestAnimationFrame(() => scrollToEnd(chat));
}
function appendTurn(chat, turn) {
  const thread = chat.els.history.parentElement;
  const near = thread && thread.scrollHeight - thread.scrollTop - thread.clientHeight < 120;
  const after = [...chat.els.history.children].find((li) => Number(li.dataset.seq) > turn.seq);
  chat.els.history.insertBefore(turnEl(turn), after || null);
  renderTyping();
  if (near || turn.role === 'human') scrollToEnd(chat);
}
function renderTyping() {
  const chat = state.chats.get(state.selected);
  if (chat?.els) show(chat.els.typing, !!chat.typing);
}
// The customer's mood in words; the colour follows the value, not the direction.
function mood(series) {
  if (!series || !(series.turns || []).length) return h('p', { class: 'muted small', testid: 'mood' }, 'Mood: not scored.');
  const feel = (v) => (v <= -0.3 ? 'upset' : v < -0.05 ? 'a little negative' : v <= 0.05 ? 'neutral' : v < 0.3 ? 'fairly positive' : 'positive');
  const dir = { rising: 'getting better', falling: series.latest > 0.05 ? 'a little less positive than before' : 'getting worse', steady: 'steady' }[series.trend] || '';
  const tone = series.latest <= -0.3 ? 'neg' : series.latest < -0.05 ? 'warn' : 'ok';
  const vals = series.turns.map((t) => t.value);
  return h('div', { class: 'trend', testid: 'mood' },
    vals.length > 1 && spark(vals, -1, 1, tone),
    h('span', { class: `small mood-${tone}` }, h('strong', {}, 'Mood: '), `${feel(series.latest)}`, dir && `, ${dir}`,
      h('span', { class: 'muted' }, ` (latest ${series.latest.toFixed(2)}, lowest ${series.min.toFixed(2)})`)));
}
function confidence(series) {
  if (!series || !(series.turns || []).length) return null;
  const vals = series.turns.map((t) => t.value);
  return h('div', { class: 'trend', testid: 'ai-confidence' },
    vals.length > 1 && spark(vals, 0, 1, series.latest < 0.5 ? 'warn' : 'ok'),
    h('span', { class: 'small' }, h('strong', {}, 'AI confidence: '), `${Math.round(series.latest * 100)}%`,
      vals.length > 1 ? h('span', { class: 'muted' }, ` (lowest ${Math.round(series.min * 100)}%)`) : ' (one reading)'));
}
function spark(vals, lo, hi, tone) {
  const W = 120, H = 28, P = 3;
  const x = (i) => P + (i * (W - 2 * P)) / (vals.length - 1);
  const y = (v) => P + ((hi - Math.min(hi, Math.max(lo, v))) * (H - 2 * P)) / (hi - lo);
  const pts = vals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return h('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, 'aria-hidden': 'true', class: `spark t-${tone}` },
    lo < 0 && h('line', { svg: true, x1: 0, x2: W, y1: y(0), y2: y(0), class: 'zero' }),
    h('polyline', { svg: true, points: pts, fill: 'none' }));
}
function artifact(a) {
  let href = null;
  try { href = a.url && ['http:', 'https:'].includes(new URL(a.url, location.href).protocol) ? a.url : null; } catch { href = null; }
  const label = `${a.name} (${a.media_type}, ${Math.ceil(a.size / 1024)} KiB)`;
  return h('li', {}, href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, label) : label);
}
// Where a redaction was, in words: "/history/2/text" is message 3.
function where(path) {
  const m = /^\/history\/(\d+)\//.exec(path || '');
  if (m) return `in message ${Number(m[1]) + 1}`;
  const d = /^\/customer\/data\/(.+)$/.exec(path || '');
  if (d) return `in the customer's ${words(d[1].replaceAll('/', ' '))}`;
  return `in ${words(String(path || '').split('/').filter(Boolean).join(' '))}`;
}
function redactions(all) {
  // The summary quotes the history: what was hidden there is listed once, where it was said.
  const list = all.filter((r) => !(r.path || '').startsWith('/summary/'));
  return section(`Hidden from you (${list.length})`, 'redactions',
    list.length ? h('ul', { class: 'redactions', testid: 'redactions-list' }, list.map((r) => h('li', {},
      h('mark', { class: 'redacted' }, HIDDEN[r.kind] || 'hidden'), ` ${where(r.path)}`)))
      : h('p', { class: 'muted small', testid: 'redactions-list' }, 'Nothing was hidden.'));
}

// ---- what the user can do ------------------------------------------------------
const enc = (chat) => encodeURIComponent(chat.card.id);
function draft(chat, name, props) {
  const el = h(props.rows ? 'textarea' : 'input', { ...props, value: chat.drafts[name] || '' });
  el.addEventListener('input', () => { chat.drafts[name] = el.value; });
  return el;
}
function applyCard(chat, card) {
  chat.card = card;
  chat.gone = false; // the server just answered with the card as it stands
  if (state.items.has(card.id)) state.items.set(card.id, card);
  renderList();
  if (card.id === state.selected) {
    renderChatState();
    renderSummary();
    renderData();
  }
}
const post = (chat, what, body) => api('POST', `/handoffs/${enc(chat)}/${what}`, body);
// Under the thread: reply when it is yours, take it or pass when it is offered.
function renderComposer(chat) {
  const c = chat.card, box = chat.els.composer;
  const mode = ['composer', chat.gone, c.mine, c.state, chat.read_confirmed].join('|');
  if (box.dataset.mode === mode) return; // same controls: keep focus and what is typed
  box.dataset.mode = mode;
  if (chat.gone) {
    fill(box, h('div', { class: 'bar' }, h('p', { class: 'notice', testid: 'notice', role: 'status' },
      'This conversation is no longer offered to you: someone else took it, it was withdrawn or its offer ran out.'),
      h('span', { class: 'spacer' }), h('button', { type: 'button', class: 'ghost', onclick: () => closeChat(c.id) }, 'Close')));
    return;
  }
  if (!c.mine && PENDING.has(c.state)) {
    const read = h('input', { type: 'checkbox', id: 'read-confirm', testid: 'read-confirm', checked: chat.read_confirmed, disabled: chat.read_confirmed });
    const accept = h('button', { type: 'button', class: 'primary', testid: 'accept', disabled: !chat.read_confirmed }, 'Accept');
    read.addEventListener('change', () => {
      if (!read.checked) return;
      act(read, async () => {
        const r = await post(chat, 'read');
        chat.read_confirmed = r?.read_confirmed !== false;
        renderComposer(chat);
      }).then(() => { if (!chat.read_confirmed && read.isConnected) read.checked = false; });
    });
    accept.addEventListener('click', () => act(accept, async () => {
      applyCard(chat, await post(chat, 'accept'));
      state.offered.delete(c.id);
      box.querySelector('[data-testid="reply-input"]')?.focus();
      scrollToEnd(chat);
    }));
    const why = draft(chat, 'reject', { 'aria-label': 'Why you pass on it', placeholder: 'Why you pass (needed)', testid: 'reject-reason' });
    const reject = h('button', { type: 'button', class: 'danger', testid: 'reject' }, 'Pass');
    reject.addEventListener('click', () => {
      if (!why.value.trim()) { toast('Say why you pass on it, so the next person knows.'); why.focus(); return; }
      act(reject, async () => { await post(chat, 'reject', { reason: why.value.trim() }); closeChat(c.id); });
    });
    fill(box,
      h('div', { class: 'bar' }, h('label', { class: 'check' }, read, ' I have read the context'), accept),
      h('div', { class: 'bar' }, why, reject));
    return;
  }
  if (c.mine && HELD.has(c.state)) {
    const text = draft(chat, 'reply', { rows: 2, 'aria-label': 'Reply to the customer', placeholder: 'Write to the customer… (Ctrl+Enter sends)', testid: 'reply-input' });
    const send = h('button', { type: 'button', class: 'primary', testid: 'reply-send' }, 'Send');
    const doSend = () => {
      const said = text.value;
      if (!said.trim()) return;
      // Cleared at once (the turn may come back over the feed before the answer);
      // put back if it could not be sent.
      text.value = chat.drafts.reply = '';
      act(send, async () => {
        try {
          const turn = await post(chat, 'reply', { text: said });
          chat.sent.add(turn.seq);
          onTurn(c.id, turn);
        } catch (e) {
          if (!text.value) text.value = chat.drafts.reply = said;
          throw e;
        }
        text.focus();
      });
    };
    send.addEventListener('click', doSend);
    text.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) doSend(); });
    fill(box, h('div', { class: 'bar reply' }, text, send));
    return;
  }
  if (DONE.has(c.state) && c.mine) {
    fill(box, h('div', { class: 'bar' },
      h('p', { class: 'notice ok', testid: 'done', role: 'status' }, c.state === 'resolved' ? 'Resolved.' : c.state === 'handed_back' ? 'Handed back to the AI.' : 'Withdrawn.'),
      h('span', { class: 'spacer' }), h('button', { type: 'button', class: 'ghost', onclick: () => closeChat(c.id) }, 'Close')));
    return;
  }
  fill(box, h('p', { class: 'notice', testid: 'notice' }, `This conversation is ${stateWord(c)}.`));
}
// In the side panel: resolve, hand back, and the verdict once it is over.
function renderManage(chat) {
  const c = chat.card, box = chat.els.manage;
  const mode = ['manage', chat.gone, c.mine, c.state, chat.feedback].join('|');
  if (box.dataset.mode === mode) return;
  box.dataset.mode = mode;
  if (!chat.gone && c.mine && HELD.has(c.state)) {
    const code = draft(chat, 'code', { 'aria-label': 'Resolution code', placeholder: 'Resolution code, e.g. refund_issued', testid: 'resolve-code' });
    const note = draft(chat, 'note', { 'aria-label': 'Resolution note', placeholder: 'Note (optional)', testid: 'resolve-note' });
    const resolve = h('button', { type: 'button', class: 'ok', testid: 'resolve' }, 'Resolve');
    resolve.addEventListener('click', () => act(resolve, async () => {
      const body = {};
      if (code.value.trim()) body.code = code.value.trim();
      if (note.value.trim()) body.note = note.value.trim();
      chat.code = body.code;
      applyCard(chat, await post(chat, 'resolve', body));
    }));
    const hbNote = draft(chat, 'handback', { rows: 2, 'aria-label': 'Note for the AI', placeholder: 'Note for the AI: what you did, what it should do next (needed)', testid: 'handback-note' });
    const back = h('button', { type: 'button', class: 'ghost', testid: 'handback' }, 'Hand back to the AI');
    back.addEventListener('click', () => {
      if (!hbNote.value.trim()) { toast('Leave the AI a note: what was done and what it should do next.'); hbNote.focus(); return; }
      act(back, async () => applyCard(chat, await post(chat, 'handback', { note: hbNote.value.trim() })));
    });
    fill(box, section('Finish', 'finish',
      h('div', { class: 'stack' }, code, note, resolve),
      h('div', { class: 'stack' }, hbNote, back)));
    return;
  }
  if (c.mine && DONE.has(c.state)) {
    fill(box, chat.feedback
      ? h('p', { class: 'muted', testid: 'feedback-thanks' }, 'Thanks — your verdict was recorded.')
      : feedbackForm(chat));
    return;
  }
  fill(box);
}
function feedbackForm(chat) {
  const v = chat.verdict;
  const submit = h('button', { type: 'submit', testid: 'feedback-submit' }, 'Send verdict');
  const ready = () => { submit.disabled = !['needed', 'correct_reason', 'correct_queue'].every((k) => typeof v[k] === 'boolean'); };
  const ask = (name, label) => h('fieldset', { class: 'ask', testid: `feedback-${name}` },
    h('legend', {}, label),
    ['yes', 'no'].map((a) => h('label', { class: 'check' },
      h('input', { type: 'radio', name, value: a, testid: `feedback-${name}-${a}`, checked: v[name] === (a === 'yes'),
        onchange: () => { v[name] = a === 'yes'; ready(); } }), ` ${a === 'yes' ? 'Yes' : 'No'}`)));
  const form = h('form', { class: 'feedback', testid: 'feedback-form', 'aria-label': 'Was this handoff right?' },
    h('h3', {}, 'Was this handoff right?'),
    ask('needed', 'Was a person needed?'), ask('correct_reason', 'Was the reason right?'), ask('correct_queue', 'Did it reach the right queue?'),
    h('input', { name: 'resolution_code', 'aria-label': 'Resolution code', placeholder: 'Resolution code (optional)', value: chat.code || '' }),
    h('input', { name: 'comment', 'aria-label': 'Comment', placeholder: 'Comment (optional)' }),
    submit);
  ready();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = form.elements;
    const body = { needed: v.needed, correct_reason: v.correct_reason, correct_queue: v.correct_queue };
    if (f.resolution_code.value.trim()) body.resolution_code = f.resolution_code.value.trim();
    if (f.comment.value.trim()) body.comment = f.comment.value.trim();
    act(submit, async () => {
      await api('POST', `/handoffs/${enc(chat)}/feedback`, body);
      chat.feedback = true;
      renderManage(chat);
    });
  });
  return form;
}
function closeChat(id) {
  state.chats.delete(id);
  if (state.selected === id) {
    state.selected = null;
    placeholder();
  }
  renderList();
}

boot();
