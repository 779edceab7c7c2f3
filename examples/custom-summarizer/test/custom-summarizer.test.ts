import { expect, it } from 'vitest';
import { createFakeModel } from '../src/fake-model';
import { summarizeWithFakeModel } from '../src/main';

it('uses the model, and verifies it: the invented claim never reaches the summary', async () => {
  const model = createFakeModel('fake-model-1');
  const [summary, ...others] = await summarizeWithFakeModel(model);
  expect(others).toHaveLength(0);
  expect(model.calls).toBe(1);
  expect(summary?.method).toBe('fake-model-1');
  expect(summary?.replacedSentences).toBeGreaterThanOrEqual(1);
  const text = summary?.sections.flatMap((s) => s.sentences.map((x) => x.text)).join(' ') ?? '';
  expect(text).not.toContain('Atlantis');
  expect(text).toContain('bridge');
  for (const sentence of summary?.sections.flatMap((s) => s.sentences) ?? []) {
    expect(sentence.citations.length).toBeGreaterThan(0);
  }
});

it('falls back to the extractive summary when the model returns garbage', async () => {
  const broken = { name: 'broken-model', summarize: () => ({ nonsense: true }) };
  const [summary] = await summarizeWithFakeModel(broken);
  expect(summary?.method).toBe('extractive');
  expect(summary?.sections.length).toBeGreaterThan(0);
});
