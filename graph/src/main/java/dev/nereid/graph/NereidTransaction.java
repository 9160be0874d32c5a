package dev.nereid.graph;

import org.apache.tinkerpop.gremlin.process.traversal.TraversalSource;
import org.apache.tinkerpop.gremlin.structure.Transaction;

import java.util.function.Consumer;

/**
 * The graph's thread-bound transaction: TinkerGraph's, except that {@link #commit()} goes through the
 * commit path (capture, durable append, then visibility). Every commit reaches it: sessionless Gremlin
 * Server requests ({@code commitAll}), {@code g.tx().commit()} in sessions, and embedded callers.
 */
final class NereidTransaction implements Transaction {

    private final NereidGraph graph;
    private final Transaction inner;
    /** Per thread, like the transaction itself: one session's close behaviour is not another's. */
    private final ThreadLocal<Consumer<Transaction>> closeConsumer = ThreadLocal.withInitial(() -> CLOSE_BEHAVIOR.ROLLBACK);

    NereidTransaction(NereidGraph graph, Transaction inner) {
        this.graph = graph;
        this.inner = inner;
    }

    @Override
    public void open() {
        inner.open();
    }

    @Override
    public void commit() {
        graph.committer().commit(inner);
    }

    @Override
    public void rollback() {
        try {
            inner.rollback();
        } finally {
            graph.edgeKeyHints().clear();
        }
    }

    @Override
    public <T extends TraversalSource> T begin(Class<T> traversalSourceClass) {
        if (!inner.isOpen()) {
            inner.open();
        }
        return graph.traversal(traversalSourceClass);
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void readWrite() {
        inner.readWrite();
    }

    @Override
    public void close() {
        if (isOpen()) {
            closeConsumer.get().accept(this);
        }
    }

    @Override
    public Transaction onReadWrite(Consumer<Transaction> consumer) {
        inner.onReadWrite(consumer);
        return this;
    }

    @Override
    public Transaction onClose(Consumer<Transaction> consumer) {
        if (consumer == null) {
            throw Transaction.Exceptions.onCloseBehaviorCannotBeNull();
        }
        closeConsumer.set(consumer);
        return this;
    }

    @Override
    public void addTransactionListener(Consumer<Status> listener) {
        inner.addTransactionListener(listener);
    }

    @Override
    public void removeTransactionListener(Consumer<Status> listener) {
        inner.removeTransactionListener(listener);
    }

    @Override
    public void clearTransactionListeners() {
        inner.clearTransactionListeners();
    }
}
