import { createHash } from 'node:crypto';

// The digest's only script: it filters the story cards of a page as the reader types, and
// moves between them with j / k ("/" jumps to the search box). It reads nothing but the page
// itself, so it works from file:// with no request. The page's policy allows this exact script
// by its hash and nothing else: a script planted in a feed could still not run.

/** Source of the search script (inline, hashed into the Content-Security-Policy). */
export const SEARCH_SCRIPT = `(()=>{
const q=document.getElementById('q');const status=document.getElementById('q-status');
const items=[...document.querySelectorAll('[data-story]')];
const texts=items.map((i)=>i.textContent.toLowerCase());
const groups=[...document.querySelectorAll('[data-group]')];
if(q){q.addEventListener('input',()=>{
const words=q.value.toLowerCase().split(/\\s+/).filter(Boolean);let shown=0;
items.forEach((item,i)=>{const hit=words.every((w)=>texts[i].includes(w));item.hidden=!hit;if(hit)shown++;});
groups.forEach((g)=>{g.hidden=!g.querySelector('[data-story]:not([hidden])');});
if(status)status.textContent=words.length?shown+' of '+items.length+' stories match':'';
});}
document.addEventListener('keydown',(e)=>{
const typing=e.target instanceof HTMLInputElement;
if(e.key==='/'&&!typing&&q){e.preventDefault();q.focus();return;}
if((e.key!=='j'&&e.key!=='k')||typing||e.ctrlKey||e.metaKey||e.altKey)return;
const links=items.filter((i)=>!i.hidden).map((i)=>i.querySelector('a'));
const at=links.indexOf(document.activeElement);
const next=links[e.key==='j'?Math.min(links.length-1,at+1):Math.max(0,at-1)];
if(next){e.preventDefault();next.focus();}
});
})();`;

/** `'sha256-…'` of {@link SEARCH_SCRIPT}, for the page's Content-Security-Policy. */
export const SEARCH_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SEARCH_SCRIPT).digest('base64')}'`;
