import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import initSqlJs from 'sql.js';

/**
 * A concept deck as an Anki package (.apkg): a zip holding `collection.anki2`, an SQLite database in the schema Anki
 * 2.1 reads for packages (version 11: col, notes, cards, revlog, graves), and `media` (none). Each card is one note of
 * a basic Front/Back note type. Markdown becomes sanitised HTML, and `$…$` / `$$…$$` math becomes Anki's MathJax
 * delimiters `\(…\)` / `\[…\]`.
 */
export interface AnkiDeck {
  slug: string;
  title: string;
  description: string;
  cards: { id: string; front: string; back: string; tags: string[] }[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `$…$` (inline) and `$$…$$` (display) as MathJax delimiters, their TeX kept as text; `\$` stays a dollar. */
function mathPlugin(md: MarkdownIt.MarkdownIt): void {
  md.inline.ruler.after('escape', 'math', (state: MarkdownIt.StateInline, silent: boolean) => {
    const { src, pos, posMax } = state;
    if (src[pos] !== '$') return false;
    const display = src[pos + 1] === '$';
    const open = display ? '$$' : '$';
    let end = -1;
    for (let j = pos + open.length; j < posMax; j++) {
      if (src[j] === '\\') {
        j++;
        continue;
      }
      if (src.startsWith(open, j) && (display || src[j + 1] !== '$')) {
        end = j;
        break;
      }
    }
    if (end < 0 || end === pos + open.length) return false;
    if (!silent) {
      const token = state.push('math_inline', '', 0);
      token.content = src.slice(pos + open.length, end);
      token.markup = open;
    }
    state.pos = end + open.length;
    return true;
  });
  md.block.ruler.before('fence', 'math_block', (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const firstLine = state.src.slice(start, state.eMarks[startLine]);
    if (!firstLine.startsWith('$$')) return false;
    const rest = firstLine.slice(2);
    let content: string;
    let last = startLine;
    if (rest.trimEnd().endsWith('$$') && rest.trim().length > 2) content = rest.trimEnd().slice(0, -2);
    else {
      const lines = [rest];
      let closed = false;
      for (last = startLine + 1; last < endLine; last++) {
        const line = state.src.slice(state.bMarks[last]! + state.tShift[last]!, state.eMarks[last]);
        if (line.trimEnd().endsWith('$$')) {
          lines.push(line.trimEnd().slice(0, -2));
          closed = true;
          break;
        }
        lines.push(line);
      }
      if (!closed) return false;
      content = lines.join('\n');
    }
    if (silent) return true;
    const token = state.push('math_block', '', 0);
    token.content = content.trim();
    token.map = [startLine, last + 1];
    state.line = last + 1;
    return true;
  });
  md.renderer.rules.math_inline = (tokens, i) =>
    tokens[i]!.markup === '$$' ? `\\[${escapeHtml(tokens[i]!.content)}\\]` : `\\(${escapeHtml(tokens[i]!.content)}\\)`;
  md.renderer.rules.math_block = (tokens, i) => `<p>\\[${escapeHtml(tokens[i]!.content)}\\]</p>\n`;
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(mathPlugin);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'), 'img', 'del', 's', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], code: ['class'], th: ['style'], td: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
};

/** Card Markdown as the HTML an Anki field holds: rendered (raw HTML in the source stays text), then sanitised. */
export function markdownToAnkiHtml(text: string): string {
  return sanitizeHtml(markdown.render(text), SANITIZE).trim();
}

/** A stable id in a range Anki uses for ids (milliseconds since the epoch), from a name. */
function stableId(name: string): number {
  const n = createHash('sha256').update(name).digest().readUIntBE(0, 5);
  return 1_000_000_000_000 + n;
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the sort field's text, as an integer. */
function checksum(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

const stripHtml = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const CSS = `.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; color: black; background-color: white; }
pre { text-align: left; white-space: pre-wrap; } code { font-family: ui-monospace, monospace; }`;

/** The basic note type every exported card uses (one id for all our exports, so Anki reuses it on re-import). */
function noteType(modelId: number, deckId: number, nowSec: number) {
  const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] });
  return {
    id: modelId,
    name: 'Recall Prep Basic',
    type: 0,
    mod: nowSec,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [
      { name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}', did: null, bqfmt: '', bafmt: '' },
    ],
    flds: [field('Front', 0), field('Back', 1)],
    css: CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, description: string, nowSec: number) {
  return {
    id,
    name,
    desc: description,
    mod: nowSec,
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

const DECK_OPTIONS = {
  id: 1,
  name: 'Default',
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
};

/** Builds the .apkg bytes for a deck of concept cards. `now` stamps the collection (pass the injected clock's time). */
export async function ankiPackage(deck: AnkiDeck, now: Date): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    const nowMs = now.getTime();
    const nowSec = Math.floor(nowMs / 1000);
    const deckId = stableId(`deck:${deck.slug}`);
    const modelId = stableId('model:recall-prep-basic');
    db.run(SCHEMA);
    const conf = {
      activeDecks: [1],
      curDeck: 1,
      newSpread: 0,
      collapseTime: 1200,
      timeLim: 0,
      estTimes: true,
      dueCounts: true,
      curModel: null,
      nextPos: deck.cards.length + 1,
      sortType: 'noteFld',
      sortBackwards: false,
      addToCur: true,
    };
    const decks = {
      1: deckJson(1, 'Default', '', nowSec),
      [deckId]: deckJson(deckId, deck.title, markdownToAnkiHtml(deck.description), nowSec),
    };
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      Math.floor(nowSec / 86_400) * 86_400,
      nowMs,
      nowMs,
      JSON.stringify(conf),
      JSON.stringify({ [modelId]: noteType(modelId, deckId, nowSec) }),
      JSON.stringify(decks),
      JSON.stringify({ 1: DECK_OPTIONS }),
      '{}',
    ]);
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    deck.cards.forEach((c, i) => {
      const front = markdownToAnkiHtml(c.front);
      const back = markdownToAnkiHtml(c.back);
      const sortField = stripHtml(front);
      // The guid follows the card's id, so importing a later export updates these notes instead of duplicating them.
      const guid = createHash('sha256').update(`card:${deck.slug}:${c.id}`).digest('base64url').slice(0, 10);
      const tags = c.tags.length ? ` ${c.tags.join(' ')} ` : '';
      note.run([nowMs + i, guid, modelId, nowSec, tags, `${front}\x1f${back}`, sortField, checksum(sortField)]);
      card.run([nowMs + i, nowMs + i, deckId, nowSec, i + 1]);
    });
    note.free();
    card.free();
    const collection = db.export();
    return zipSync({ 'collection.anki2': collection, media: new TextEncoder().encode('{}') });
  } finally {
    db.close();
  }
}
