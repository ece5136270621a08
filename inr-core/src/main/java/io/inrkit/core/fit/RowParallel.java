package io.inrkit.core.fit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a row-range task on a fixed number of threads: rows split into contiguous parts, part 0
 * on the calling thread. Each part writes its own rows (or its own partial sums), so results do
 * not depend on timing. A fit owns one and closes it.
 */
final class RowParallel implements AutoCloseable {

    /** Work on rows {@code [from, to)}, as part {@code part} of {@link #parts()}. */
    @FunctionalInterface
    interface Task {
        void run(int part, int from, int to);
    }

    private final int parts;
    private final ExecutorService pool;
    private final Future<?>[] pending;

    RowParallel(int threads) {
        this.parts = Math.max(1, threads);
        this.pool = parts == 1 ? null : Executors.newFixedThreadPool(parts - 1, r -> {
            Thread t = new Thread(r, "inrkit-fit-worker");
            t.setDaemon(true);
            return t;
        });
        this.pending = new Future<?>[parts];
    }

    int parts() {
        return parts;
    }

    void run(int rows, Task task) {
        if (parts == 1 || rows < 2 * parts) {
            task.run(0, 0, rows);
            return;
        }
        for (int p = 1; p < parts; p++) {
            int part = p;
            pending[p] = pool.submit(() -> task.run(part, bound(rows, part), bound(rows, part + 1)));
        }
        task.run(0, 0, bound(rows, 1));
        for (int p = 1; p < parts; p++) {
            try {
                pending[p].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("fit interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("fit worker failed", e.getCause());
            }
        }
    }

    private int bound(int rows, int part) {
        return (int) ((long) rows * part / parts);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
