"""The scikit-learn baseline of issue #5: TF-IDF (title + summary + text) cosine distance,
pairs published more than 72 h apart set to the maximum distance, average-link agglomerative
clustering with a distance threshold tuned on the dev set (best B-cubed F1), applied to every set.

Usage: python3 sklearn_cluster_baseline.py TUNE_DIR DIR [DIR...]
Prints one JSON line per set: {"set", "threshold", "seconds" (CPU), "implementation", "labels": {id: cluster}}.
Uses scikit-learn when installed; otherwise an equivalent numpy/scipy implementation
(TfidfVectorizer defaults, scipy average linkage cut at the same distance), and says so.
"""
import json
import re
import sys
import time
from datetime import datetime
from pathlib import Path

import numpy as np

GATE_HOURS = 72.0

try:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    IMPLEMENTATION = "scikit-learn"
except ImportError:  # Debian's python3-sklearn absent: same maths with numpy + scipy
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    IMPLEMENTATION = "numpy+scipy (scikit-learn not installed)"


def load(folder):
    rows = [json.loads(line) for line in Path(folder, "articles.jsonl").read_text().splitlines() if line.strip()]
    gold = {}
    for line in Path(folder, "labels.jsonl").read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = str(record["story"])
    return rows, gold


def tfidf(texts):
    if IMPLEMENTATION == "scikit-learn":
        return TfidfVectorizer().fit_transform(texts).toarray()
    token = re.compile(r"(?u)\b\w\w+\b")
    docs = [token.findall(t.lower()) for t in texts]
    vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
    counts = np.zeros((len(docs), len(vocab)))
    for row, doc in enumerate(docs):
        for w in doc:
            counts[row, vocab[w]] += 1
    df = (counts > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    weighted = counts * idf
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    return weighted / np.where(norms == 0, 1, norms)


def distances(rows):
    texts = [" ".join(filter(None, [r.get("title"), r.get("summary"), r.get("text")])) for r in rows]
    x = tfidf(texts)
    d = np.clip(1 - x @ x.T, 0, 1)
    hours = np.array([datetime.fromisoformat(r["publishedAt"].replace("Z", "+00:00")).timestamp() / 3600 for r in rows])
    d[np.abs(hours[:, None] - hours[None, :]) > GATE_HOURS] = 1.0
    np.fill_diagonal(d, 0)
    return d


def cluster(d, threshold):
    if IMPLEMENTATION == "scikit-learn":
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold)
        return model.fit_predict(d)
    return fcluster(linkage(squareform(d, checks=False), method="average"), t=threshold, criterion="distance")


def bcubed_f1(labels, ids, gold):
    pred = {i: l for i, l in zip(ids, labels)}
    items = [i for i in ids if i in gold]
    p = r = 0.0
    for i in items:
        same_pred = [j for j in items if pred[j] == pred[i]]
        same_gold = [j for j in items if gold[j] == gold[i]]
        both = sum(1 for j in same_pred if gold[j] == gold[i])
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    return 2 * p * r / (p + r)


def main():
    tune_dir, *folders = sys.argv[1:]
    rows, gold = load(tune_dir)
    d = distances(rows)
    ids = [r["id"] for r in rows]
    grid = [round(0.5 + 0.01 * k, 2) for k in range(50)]
    threshold = max(grid, key=lambda t: bcubed_f1(cluster(d, t), ids, gold))
    for folder in folders:
        rows, _ = load(folder)
        start = time.process_time()  # CPU time of all threads: fair on a shared, loaded machine
        labels = cluster(distances(rows), threshold)
        seconds = time.process_time() - start
        out = {r["id"]: f"c{int(l)}" for r, l in zip(rows, labels)}
        print(json.dumps({"set": Path(folder).name, "threshold": threshold, "seconds": seconds,
                          "implementation": IMPLEMENTATION, "labels": out}))


if __name__ == "__main__":
    main()
