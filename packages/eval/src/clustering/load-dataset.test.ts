import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadClusteringDataset } from '../index';

const folder = fileURLToPath(new URL('../../test/fixtures/clustering-mini', import.meta.url));

describe('loadClusteringDataset', () => {
  it('loads articles and gold labels, reporting bad lines as diagnostics', async () => {
    const data = await loadClusteringDataset(folder);
    expect(data.name).toBe('clustering-mini');
    expect(data.articles.map((a) => a.id)).toEqual(['m-1', 'm-2', 'm-3']);
    expect(data.gold.get('m-2')).toBe('claims');
    expect(data.diagnostics).toHaveLength(1);
  });

  it('fails clearly when the folder is missing', async () => {
    await expect(loadClusteringDataset(`${folder}-nope`)).rejects.toThrow(
      /articles\.jsonl|not found|no such/i,
    );
  });
});
