package io.inrkit.codec;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Codes the blocks of a stream on up to {@code threads} threads while the caller reads the next
 * and writes the finished ones in order: at most {@code threads} blocks are in flight, so memory
 * is bounded by the thread count, never by the stream's length. On one thread each block is
 * coded where it is added.
 */
final class BlockPipeline<T> implements AutoCloseable {

    /** A block's work. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /** Takes each finished block, in the order the blocks were added. */
    @FunctionalInterface
    interface Drain<T> {
        void accept(T done) throws IOException;
    }

    private final int threads;
    private final Drain<T> drain;
    private final ExecutorService pool;
    private final ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();

    BlockPipeline(int threads, String name, Drain<T> drain) {
        this.threads = threads;
        this.drain = drain;
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds a block; first drains the oldest when {@code threads} are in flight. */
    void add(Work<T> work) throws IOException {
        if (pool == null) {
            drain.accept(work.run());
            return;
        }
        if (inFlight.size() >= threads) {
            drain.accept(take());
        }
        inFlight.add(pool.submit(work::run));
    }

    /** Drains every block still in flight. */
    void finish() throws IOException {
        while (!inFlight.isEmpty()) {
            drain.accept(take());
        }
    }

    private T take() throws IOException {
        try {
            return inFlight.remove().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while coding blocks", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
