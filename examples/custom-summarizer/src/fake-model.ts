import type { Summarizer, SummarizerInput } from 'newsloom';

/**
 * A stand-in for your language model: it "writes" a headline and one sentence per article
 * from the article's lead, citing it, and — like real models sometimes do — adds one claim no
 * article makes. Replace the body of `summarize` with a call to your model; return the same
 * shape ({ headline, sections: [{ heading, sentences: [{ text, citations: [articleId] }] }] }).
 */
export function createFakeModel(name = 'fake-model-1'): Summarizer & { calls: number } {
  const model = {
    name,
    calls: 0,
    summarize(input: SummarizerInput) {
      model.calls += 1;
      const articles = input.articles.slice(0, input.maxSentences);
      const sentences = articles.map((article) => ({
        text: firstSentence(article.summary ?? article.title),
        citations: [article.id],
      }));
      const invented = {
        text: 'The mayor of Atlantis confirmed the moon landing was staged.',
        citations: [],
      };
      return {
        headline: input.articles[0]?.title ?? 'News',
        sections: [{ heading: 'What the outlets report', sentences: [...sentences, invented] }],
      };
    },
  };
  return model;
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}
