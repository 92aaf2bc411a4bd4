// newsdex's search page: the URL holds the whole state (a search can be bookmarked and
// shared); each change asks GET /search and draws the answer. Everything shown is set as
// text (textContent), never as HTML: titles and snippets come from scraped pages.
'use strict';

const PAGE_SIZE = 10;
const RESULT_WINDOW = 10000;  // newsdex-search's --offset + --limit limit
const FACET_LIMIT = 8;
// Facets listed as values to tick; `param` is the filter a value sets, `prefix` its form.
const LIST_FACETS = [
  {name: 'source', title: 'Source', param: 'source', prefix: ''},
  {name: 'person', title: 'People', param: 'entity', prefix: 'person:'},
  {name: 'org', title: 'Organisations', param: 'entity', prefix: 'org:'},
  {name: 'place', title: 'Places', param: 'entity', prefix: 'place:'},
  {name: 'category', title: 'Categories', param: 'category', prefix: ''},
];

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') || '',
    source: p.getAll('source'),
    entity: p.getAll('entity'),
    category: p.getAll('category'),
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: p.get('sort') || 'relevance',
    offset: Math.max(0, Number(p.get('offset')) || 0),
  };
}

// The state as a query string: the page's own URL and the base of the API request.
function stateParams(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const key of ['source', 'entity', 'category'])
    for (const v of s[key]) p.append(key, v);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.offset) p.set('offset', String(s.offset));
  return p;
}

function apiParams(s) {
  const p = stateParams(s);
  p.set('limit', String(PAGE_SIZE));
  p.set('facets', 'source,date,person,org,place,category');
  p.set('facet_limit', String(FACET_LIMIT));
  return p;
}

function element(tag, attributes = {}, text = '') {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

function grouped(n) {
  return Number(n).toLocaleString('en-US');
}

// A snippet's [[matched words]] as <mark>s, the rest as text.
function snippetNodes(snippet) {
  const nodes = [];
  const parts = snippet.split(/\[\[|\]\]/);
  parts.forEach((part, i) => {
    if (!part) return;
    if (i % 2 === 1) nodes.push(element('mark', {}, part));
    else nodes.push(document.createTextNode(part));
  });
  return nodes;
}

let current = readState();
let searches = 0;

function go(next, push = true) {
  current = next;
  if (push) history.pushState(null, '', '/?' + stateParams(next).toString());
  run();
}

function toggle(key, value) {
  const values = current[key].includes(value) ? current[key].filter(v => v !== value)
                                              : [...current[key], value];
  go({...current, [key]: values, offset: 0});
}

async function run() {
  document.body.dataset.state = 'loading';
  document.getElementById('q').value = current.q;
  document.getElementById('sort').value = current.sort;
  const asked = ++searches;
  let answer;
  let failure = '';
  try {
    const response = await fetch('/search?' + apiParams(current).toString());
    answer = await response.json();
    if (!response.ok) failure = answer.error || ('HTTP ' + response.status);
  } catch (e) {
    failure = 'The search server did not answer: ' + e;
  }
  if (asked !== searches) return;  // a newer search is under way
  drawFilters();
  const error = document.getElementById('error');
  if (!failure) {
    try {
      drawSummary(answer);
      drawHits(answer);
      drawPager(answer);
      drawFacets(answer);
    } catch (e) {
      failure = 'The page could not show this answer: ' + e;
    }
  }
  error.hidden = !failure;
  error.textContent = failure;
  if (failure)
    for (const id of ['summary', 'notices', 'hits', 'pager', 'facets'])
      document.getElementById(id).replaceChildren();
  document.body.dataset.searches = String(asked);
  document.body.dataset.state = failure ? 'error' : 'ready';
}

function drawFilters() {
  const box = document.getElementById('filters');
  box.replaceChildren();
  const chip = (label, remove) => {
    const b = element('button', {type: 'button', class: 'chip', title: 'Remove this filter'},
                      label + ' \u00d7');
    b.addEventListener('click', remove);
    box.append(b);
  };
  for (const key of ['source', 'entity', 'category'])
    for (const v of current[key]) chip(key + ': ' + v, () => toggle(key, v));
  if (current.from || current.to)
    chip('date: ' + (current.from || '\u2026') + (current.from === current.to ? '' :
         ' \u2013 ' + (current.to || '\u2026')),
         () => go({...current, from: '', to: '', offset: 0}));
}

function drawSummary(answer) {
  const summary = document.getElementById('summary');
  summary.replaceChildren();
  summary.dataset.total = String(answer.total);
  const first = answer.hits.length ? answer.offset + 1 : 0;
  const last = answer.offset + answer.hits.length;
  summary.append((answer.total_exact ? '' : 'About ') + grouped(answer.total) +
                 (answer.total === 1 ? ' article' : ' articles') +
                 (answer.hits.length ? ', ' + grouped(first) + '\u2013' + grouped(last) + ' shown'
                                     : ''));
  if (answer.suggestion) {
    summary.append(' \u00b7 Did you mean ');
    const a = element('a', {href: '/?' + stateParams({...current, q: answer.suggestion.query,
                                                      offset: 0}).toString(),
                            id: 'suggestion'},
                      answer.suggestion.query);
    a.addEventListener('click', e => {
      e.preventDefault();
      go({...current, q: answer.suggestion.query, offset: 0});
    });
    summary.append(a, ' (' + grouped(answer.suggestion.total) + ')?');
  }
  const notices = document.getElementById('notices');
  notices.replaceChildren(...answer.notices.map(n => element('li', {}, n.message)));
}

function drawHits(answer) {
  const hits = document.getElementById('hits');
  hits.replaceChildren();
  for (const hit of answer.hits) {
    const li = element('li', {class: 'hit', 'data-id': hit.id});
    const h3 = element('h3');
    const title = hit.title || hit.id;
    // Only web addresses become links: a scraped page's url could be javascript:.
    if (/^https?:\/\//i.test(hit.url))
      h3.append(element('a', {href: hit.url, rel: 'noopener noreferrer'}, title));
    else
      h3.textContent = title;
    const meta = [hit.source, hit.date ? hit.date.slice(0, 10) : 'undated'];
    if (hit.copies && hit.copies.count)
      meta.push('+' + hit.copies.count + (hit.copies.count === 1 ? ' copy' : ' copies'));
    const p = element('p', {class: 'snippet'});
    p.append(...snippetNodes(hit.snippet || ''));
    li.append(h3, element('div', {class: 'meta'}, meta.filter(Boolean).join(' \u00b7 ')), p);
    hits.append(li);
  }
}

function drawPager(answer) {
  const pager = document.getElementById('pager');
  pager.replaceChildren();
  // `total` counts articles, and a hit is a story with its copies: the number of pages is
  // not known, only that a full page may have a next one.
  const page = Math.floor(answer.offset / PAGE_SIZE) + 1;
  const more = answer.hits.length === PAGE_SIZE && answer.offset + PAGE_SIZE < answer.total &&
               answer.offset + 2 * PAGE_SIZE <= RESULT_WINDOW;
  if (page === 1 && !more) return;
  const button = (label, offset, id) => {
    const b = element('button', {type: 'button', id}, label);
    b.addEventListener('click', () => go({...current, offset}));
    pager.append(b);
  };
  if (page > 1) button('\u2190 Previous', (page - 2) * PAGE_SIZE, 'previous');
  pager.append(element('span', {id: 'page'}, 'Page ' + page));
  if (more) button('Next \u2192', page * PAGE_SIZE, 'next');
}

function drawFacets(answer) {
  const box = document.getElementById('facets');
  box.replaceChildren();
  if (answer.facets.date && answer.facets.date.length) box.append(dateFacet(answer));
  for (const facet of LIST_FACETS) {
    const values = answer.facets[facet.name] || [];
    const chosen = current[facet.param].filter(v => v.startsWith(facet.prefix))
                                       .map(v => v.slice(facet.prefix.length));
    // A chosen value past the facet limit is still shown, ticked, so it can be unticked.
    const shown = [...values];
    for (const name of chosen)
      if (!shown.some(v => v.value.toLowerCase() === name.toLowerCase()))
        shown.unshift({value: name, count: null});
    if (!shown.length) continue;
    const section = element('section', {'data-facet': facet.name});
    section.append(element('h2', {}, facet.title));
    for (const v of shown) {
      const label = element('label', {class: 'facet-value'});
      const tick = element('input', {type: 'checkbox', value: v.value});
      tick.checked = v.selected === true ||
                    chosen.some(name => name.toLowerCase() === v.value.toLowerCase());
      tick.addEventListener('change', () => {
        const existing = chosen.find(name => name.toLowerCase() === v.value.toLowerCase());
        toggle(facet.param, facet.prefix + (existing || v.value));
      });
      label.append(tick, element('span', {class: 'name', title: v.value}, v.value),
                   element('span', {class: 'count'}, v.count === null ? '' : grouped(v.count)));
      section.append(label);
    }
    const more = (answer.facets_omitted || {})[facet.name];
    if (more) section.append(element('div', {class: 'facet-more'}, '+' + grouped(more) + ' more'));
    box.append(section);
  }
}

// The buckets from the first to the last, the empty ones between them included (the API
// lists only buckets with matches), so that the bars are a time axis; as given when that
// would be over 800 bars.
function filledBuckets(buckets) {
  const first = buckets[0].value, last = buckets[buckets.length - 1].value;
  const next = value => {
    const year = y => String(y).padStart(4, '0');  // the API writes years 1-999 as 0950
    if (/^\d{4}$/.test(value)) return year(Number(value) + 1);
    if (/^\d{4}-\d{2}$/.test(value)) {
      const [y, m] = value.split('-').map(Number);
      return m === 12 ? year(y + 1) + '-01' : year(y) + '-' + String(m + 1).padStart(2, '0');
    }
    const day = new Date(value + 'T00:00:00Z');
    day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  };
  const counts = new Map(buckets.map(b => [b.value, b.count]));
  const filled = [];
  for (let v = first; filled.length <= 800; v = next(v)) {
    filled.push({value: v, count: counts.get(v) || 0});
    if (v === last) return filled;
  }
  return buckets;
}

// The date facet as a histogram; a bar narrows the search to its day, month or year.
function dateFacet(answer) {
  const buckets = filledBuckets(answer.facets.date);
  const section = element('section', {'data-facet': 'date'});
  section.append(element('h2', {}, 'Date (by ' + (answer.date_bucket || 'bucket') + ')'));
  const peak = Math.max(...buckets.map(b => b.count));
  const bars = element('div', {class: 'histogram'});
  for (const b of buckets) {
    const bar = element('button', {type: 'button', title: b.value + ': ' + grouped(b.count),
                                   'data-value': b.value, 'data-count': String(b.count),
                                   'aria-label': b.value + ': ' + b.count});
    bar.style.height = (b.count ? Math.max(2, Math.round(100 * b.count / peak)) : 0) + '%';
    if (current.from === b.value && current.to === b.value) bar.classList.add('on');
    bar.addEventListener('click', () => go({...current, from: b.value, to: b.value, offset: 0}));
    bars.append(bar);
  }
  const range = element('div', {class: 'histogram-range'});
  range.append(element('span', {}, buckets[0].value),
               element('span', {}, buckets[buckets.length - 1].value));
  section.append(bars, range);
  if (answer.date_undated)
    section.append(element('div', {class: 'facet-more'}, grouped(answer.date_undated) + ' undated'));
  return section;
}

document.getElementById('search-form').addEventListener('submit', e => {
  e.preventDefault();
  go({...current, q: document.getElementById('q').value.trim(),
      sort: document.getElementById('sort').value, offset: 0});
});
document.getElementById('sort').addEventListener('change', () => {
  go({...current, sort: document.getElementById('sort').value, offset: 0});
});
window.addEventListener('popstate', () => go(readState(), false));
run();
