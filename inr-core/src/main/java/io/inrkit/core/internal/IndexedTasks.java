package io.inrkit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs tasks {@code 0 .. count - 1} on up to a given number of threads (daemon threads of a
 * pool made for the call) and returns their results in index order, so that what is built from
 * them does not depend on the thread count. The image tiles of the codec and the strips of the
 * learned depth prior use it.
 */
public final class IndexedTasks {

    /** One task; may throw the caller's checked exception {@code E}. */
    @FunctionalInterface
    public interface Task<T, E extends Exception> {
        T run(int index) throws E;
    }

    private IndexedTasks() {
    }

    /**
     * The results of {@code task} for every index, in index order; the first failure in index
     * order is thrown as it was ({@code checked}, an unchecked exception or an error).
     */
    public static <T, E extends Exception> List<T> run(int count, int threads, String threadName, Class<E> checked,
            Task<T, E> task) throws E {
        List<T> results = new ArrayList<>(count);
        if (threads <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                results.add(task.run(i));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + threadName + " tasks", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (checked.isInstance(cause)) {
                throw checked.cast(cause);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
