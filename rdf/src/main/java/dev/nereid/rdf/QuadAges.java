package dev.nereid.rdf;

import org.apache.jena.sparql.core.Quad;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How old each stored quad is: the position of the ADD that stored it, counted over the whole stream.
 * Jena's in-memory dataset lists quads in index order, while a bulk removal (CLEAR, DROP) lists its
 * REMOVEs oldest first (spec §6.2), so the store keeps this book beside the dataset.
 *
 * <p>Maintained from each commit's net change as it is applied — live, replayed, or loaded from a
 * snapshot (which lists quads oldest first) — so a restarted store orders exactly as the one that wrote
 * the log. Only the store's single writer changes it; snapshots read it while the writer waits.
 * It costs one map entry per stored quad.
 */
final class QuadAges {

    private final Map<Quad, Long> ages = new HashMap<>();
    private long next;
    /** While a batch runs: each change as (quad, its age before, or null), to undo the batch if it fails. */
    private List<Map.Entry<Quad, Long>> journal;
    private long nextBeforeBatch;

    /** Applies one commit: its removed quads, then its added ones, in record order. */
    void apply(List<Quad> removed, List<Quad> added) {
        for (Quad q : removed) {
            note(q, ages.remove(q));
        }
        for (Quad q : added) {
            note(q, ages.put(q, next++));
        }
    }

    private void note(Quad quad, Long before) {
        if (journal != null) {
            journal.add(new java.util.AbstractMap.SimpleImmutableEntry<>(quad, before));
        }
    }

    /** Starts keeping what {@link #apply} changes, until {@link #endBatch} or {@link #undoBatch}. */
    void beginBatch() {
        journal = new ArrayList<>();
        nextBeforeBatch = next;
    }

    void endBatch() {
        journal = null;
    }

    /** Puts every age back as it was at {@link #beginBatch}: the batch's commits never happened. */
    void undoBatch() {
        for (int i = journal.size() - 1; i >= 0; i--) {
            Map.Entry<Quad, Long> e = journal.get(i);
            if (e.getValue() == null) {
                ages.remove(e.getKey());
            } else {
                ages.put(e.getKey(), e.getValue());
            }
        }
        next = nextBeforeBatch;
        journal = null;
    }

    void added(Quad quad) {
        ages.put(quad, next++);
    }

    void removed(Quad quad) {
        ages.remove(quad);
    }

    /** {@code quads} sorted oldest first; quads this book does not know keep their order, after the rest. */
    List<Quad> oldestFirst(List<Quad> quads) {
        List<Quad> sorted = new ArrayList<>(quads);
        sorted.sort(Comparator.comparingLong(q -> ages.getOrDefault(q, Long.MAX_VALUE)));
        return sorted;
    }

    /** Every quad this book holds with its age, in no order: taken while the writer waits, sorted after. */
    List<Map.Entry<Quad, Long>> copy() {
        List<Map.Entry<Quad, Long>> entries = new ArrayList<>(ages.size());
        for (Map.Entry<Quad, Long> e : ages.entrySet()) {
            entries.add(Map.entry(e.getKey(), e.getValue()));
        }
        return entries;
    }

    /** The quads of a {@link #copy()}, oldest first: the order a snapshot writes them in. */
    static List<Quad> inAgeOrder(List<Map.Entry<Quad, Long>> copy) {
        List<Map.Entry<Quad, Long>> entries = new ArrayList<>(copy);
        entries.sort(Map.Entry.comparingByValue());
        List<Quad> quads = new ArrayList<>(entries.size());
        for (Map.Entry<Quad, Long> e : entries) {
            quads.add(e.getKey());
        }
        return quads;
    }

    int size() {
        return ages.size();
    }

    void clear() {
        ages.clear();
        next = 0;
    }
}
