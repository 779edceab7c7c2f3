"""The scikit-learn baseline of issue #5: TF-IDF (title + summary + text) cosine distance,
pairs published more than 72 h apart set to the maximum distance, average-link agglomerative
clustering with a distance threshold tuned on the dev set (best B-cubed F1), applied to every set.

Usage: python3 sklearn_cluster_baseline.py [--threshold T] [--repeats N] [--budget S] TUNE_DIR DIR [DIR...]
Prints one JSON line per set: {"set", "threshold", "seconds" (median CPU of the runs), "runs" (CPU
seconds of each run), "wall" (wall seconds of each run), "over_budget", "implementation",
"labels": {id: cluster}}. A run's time covers the clustering only: joining the texts, TF-IDF
(fit_transform), cosine similarity, the 72 h gate and the agglomerative fit; not the interpreter
start, reading the files or tuning. --threshold skips tuning; --repeats N times each set N times
(default 1); --budget S stops a set after any run whose wall time exceeds S seconds and
skips the sets after it (they are expected in increasing size).
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
        return TfidfVectorizer().fit_transform(texts)  # sparse, as a user would keep it
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
    sim = x @ x.T  # sparse x sparse (scikit-learn) or dense (replica); rows are L2-normalised
    d = np.clip(1 - (sim.toarray() if hasattr(sim, "toarray") else sim), 0, 1)
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


def options(argv):
    opts = {"threshold": None, "repeats": 1, "budget": None}
    rest = []
    i = 0
    while i < len(argv):
        flag = argv[i].lstrip("-")
        if argv[i].startswith("--") and flag in opts:
            opts[flag] = float(argv[i + 1])
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    return opts, rest


def main():
    opts, (tune_dir, *folders) = options(sys.argv[1:])
    threshold = opts["threshold"]
    if threshold is None:
        rows, gold = load(tune_dir)
        d = distances(rows)
        ids = [r["id"] for r in rows]
        grid = [round(0.5 + 0.01 * k, 2) for k in range(50)]
        threshold = max(grid, key=lambda t: bcubed_f1(cluster(d, t), ids, gold))
        del d
    for folder in folders:
        rows, _ = load(folder)
        cpu, wall = [], []
        labels = None
        over = False
        for _ in range(int(opts["repeats"])):
            labels = None  # free the previous run's result before the next one
            start, start_wall = time.process_time(), time.perf_counter()  # CPU of all threads
            labels = cluster(distances(rows), threshold)
            cpu.append(time.process_time() - start)
            wall.append(time.perf_counter() - start_wall)
            if opts["budget"] is not None and wall[-1] > opts["budget"]:
                over = True
                break
        out = {r["id"]: f"c{int(l)}" for r, l in zip(rows, labels)}
        print(json.dumps({"set": Path(folder).name, "threshold": threshold, "seconds": float(np.median(cpu)),
                          "runs": cpu, "wall": wall, "over_budget": over,
                          "implementation": IMPLEMENTATION, "labels": out}), flush=True)
        if over:
            break


if __name__ == "__main__":
    main()
