import type { Article } from '@newsloom/core';
import { makeArticle } from '@newsloom/testing';

const day = (d: number, h = 0): string => new Date(Date.UTC(2024, 4, d, h)).toISOString();

/** Three small events, a recurring weekly story, and a syndicated copy: written for these tests. */
export function fixtureArticles(): Article[] {
  const a = (
    url: string,
    outlet: string,
    title: string,
    summary: string,
    publishedAt: string,
  ): Article => makeArticle({ url: `https://${url}`, outlet, title, summary, publishedAt });
  return [
    a(
      'wire.example/claims-1',
      'Wire',
      'Weekly jobless claims fall to pandemic low',
      'Initial jobless claims fell to 498,000 last week, the Labor Department said, the lowest since the pandemic began.',
      day(6, 12),
    ),
    a(
      'paper.example/claims-1',
      'Paper',
      'Jobless claims drop to new pandemic low',
      'Unemployment claims dropped to 498,000, the Labor Department reported Thursday, a new pandemic low for jobless claims.',
      day(6, 15),
    ),
    a(
      'wire.example/claims-2',
      'Wire',
      'Weekly jobless claims fall again',
      'Initial jobless claims fell to 473,000 last week, the Labor Department said, another pandemic low.',
      day(13, 12),
    ),
    a(
      'wire.example/court',
      'Wire',
      'Supreme Court hears Mississippi abortion case',
      'The Supreme Court heard arguments over a Mississippi law banning most abortions after 15 weeks.',
      day(6, 13),
    ),
    a(
      'paper.example/court',
      'Paper',
      'Justices weigh Mississippi abortion law',
      'Supreme Court justices signalled they may uphold the Mississippi abortion law banning abortions after 15 weeks.',
      day(6, 20),
    ),
    a(
      'syndicate.example/court',
      'Syndicate',
      'Supreme Court hears Mississippi abortion case',
      'The Supreme Court heard arguments over a Mississippi law banning most abortions after 15 weeks.',
      day(6, 14),
    ),
    a(
      'paper.example/volcano',
      'Paper',
      'Volcano erupts in Iceland near Grindavik',
      'A volcano erupted on the Reykjanes peninsula in Iceland, forcing the evacuation of Grindavik.',
      day(7, 3),
    ),
    a(
      'wire.example/volcano',
      'Wire',
      'Iceland volcano eruption forces Grindavik evacuation',
      'Lava from the Reykjanes volcano eruption reached the edge of Grindavik, Iceland, after residents were evacuated.',
      day(7, 9),
    ),
  ];
}

type HarbourName = 'harbour' | 'ferry' | 'bridge';

/**
 * A chain on 2024-01-01 at the given hours: a harbour-bridge article, a ferry article, and a
 * bridge article sharing words with both (which share none with each other). Made in time order,
 * so `makeArticle` numbers (and ids) follow publication.
 */
export function harbourFerryChain(
  hours: Record<HarbourName, number>,
  bridgeSummary: string,
): Record<HarbourName, Article> {
  const specs: Record<HarbourName, { title: string; summary: string }> = {
    harbour: { title: 'Harbour bridge closed', summary: 'Harbour bridge closed after crash.' },
    ferry: { title: 'Ferry service doubled', summary: 'Ferry operators doubled crossings.' },
    bridge: { title: 'Harbour bridge closed, ferry service doubled', summary: bridgeSummary },
  };
  const names = (Object.keys(specs) as HarbourName[]).sort((a, b) => hours[a] - hours[b]);
  const made = names.map((name) => {
    const publishedAt = new Date(Date.UTC(2024, 0, 1, hours[name])).toISOString();
    return [name, makeArticle({ ...specs[name], publishedAt })] as const;
  });
  return Object.fromEntries(made) as Record<HarbourName, Article>;
}
