// The digest's one stylesheet, inline in every page (no external assets, works from file://).
// Light and dark by prefers-color-scheme, no horizontal scroll at 390 px (tables stack into
// rows of labelled cells), a visible focus ring for keyboard readers, and print styles.

/** CSS of every digest page. */
export const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#575757;--bg:#fff;--card:#f6f7f9;--line:#d6d6d6;--accent:#1a56a8;--left:#2f6fd0;--center:#8a8a8a;--right:#c8392f;--other:#7a5fb0}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#b4b4b4;--bg:#141414;--card:#1f2023;--line:#3a3a3a;--accent:#8ab4f8;--left:#5b93e6;--center:#9d9d9d;--right:#e5655b;--other:#a58ad8}}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:62rem;margin:0 auto;padding:0 1rem 4rem;overflow-wrap:anywhere}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.25rem .5rem;z-index:2}
header.site{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;border-bottom:1px solid var(--line);padding:.75rem 0 .5rem}
header.site .name{font-weight:700;color:var(--fg);text-decoration:none}
nav.top ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
nav.top a[aria-current]{font-weight:700;color:var(--fg)}
h1{font-size:1.7rem;line-height:1.25;margin:1rem 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;line-height:1.3;margin:0 0 .25rem}
.meta,.muted{color:var(--muted);font-size:.9rem}
.cards{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,18rem),1fr));list-style:none;padding:0;margin:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem .85rem}
.card p{margin:.3rem 0}
.card .lede{font-size:.95rem}
.why{font-size:.9rem}
details{font-size:.85rem;color:var(--muted)}
summary{cursor:pointer}
.bar{display:flex;height:.5rem;border-radius:4px;overflow:hidden;margin:.4rem 0 .1rem;background:var(--line)}
.bar span{display:block;height:100%}
.g-left,.g-lean-left{background:var(--left)}.g-center{background:var(--center)}.g-right,.g-lean-right{background:var(--right)}.g-other{background:var(--other)}
.legend{font-size:.8rem;color:var(--muted)}
sup.cite a{text-decoration:none;font-size:.8em}
ol.sources li:target{background:rgba(26,86,168,.15)}
.status-error{color:#b3261e}
@media (prefers-color-scheme:dark){.status-error{color:#ff8a80}}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;border-bottom:1px solid var(--line);padding:.3rem .4rem;vertical-align:top}
.search{margin:.75rem 0}
.search input{font:inherit;width:100%;max-width:28rem;padding:.35rem .5rem;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--fg)}
.pager{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;margin:1rem 0}
svg.chart{max-width:100%;height:auto}
svg.chart text{font:11px system-ui,sans-serif;fill:currentColor}
[hidden]{display:none!important}
@media (max-width:40rem){
table,thead,tbody,tr,th,td{display:block}
thead{position:absolute;left:-999px}
tr{border-bottom:1px solid var(--line);padding:.4rem 0}
td{border:0;padding:.1rem 0}
td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
}
@media print{
:root{--fg:#000;--bg:#fff;--card:#fff;--muted:#333}
header.site nav,.search,.skip,details,.pager{display:none}
.cards{display:block}.card{break-inside:avoid;border:0;border-bottom:1px solid #999;border-radius:0;padding:.5rem 0}
a{color:#000}
}
`;
