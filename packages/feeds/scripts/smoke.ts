import { readdirSync, readFileSync } from 'node:fs';
import { parseFeed } from '../src/index';
const dirs = ['real', 'json', 'illformed'];
for (const d of dirs) {
  const dir = `/work/shared/data/feeds/${d}`;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(`${dir}/${f}`);
    try {
      const p = parseFeed(bytes, { url: `https://example.org/${f}` });
      const noLink = p.items.filter((i) => !i.link || !/^https?:/.test(i.link)).length;
      const noTitle = p.items.filter((i) => !i.title && !i.summary).length;
      const noDate = p.items.filter((i) => !i.published && !i.updated).length;
      console.log(`${d}/${f}: ${p.version} ${p.encoding} wf=${p.wellFormed} items=${p.items.length} noLink=${noLink} noTitle=${noTitle} noDate=${noDate} diags=${p.diagnostics.length} ${p.diagnostics.slice(0,2).map(x=>x.message).join(' | ').slice(0,150)}`);
    } catch (e) {
      console.log(`${d}/${f}: THROW ${(e as Error).message.slice(0, 200)}`);
    }
  }
}
