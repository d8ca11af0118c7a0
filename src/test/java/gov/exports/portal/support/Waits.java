package gov.exports.portal.support;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting in tests for what happens on another thread, instance or connection (never a fixed sleep as the assertion). */
public final class Waits {

    private Waits() {
    }

    /**
     * Asks again every 50 ms, up to five seconds, until {@code until} holds, and gives the last answer (the caller asserts
     * on it): e.g. a change committed outside this instance's services reaches the kept pages with PostgreSQL's
     * announcement of it.
     */
    public static <T> T eventually(Supplier<T> get, Predicate<T> until) {
        return eventually(get, until, 5_000);
    }

    /** As {@link #eventually(Supplier, Predicate)}, up to {@code millis}. */
    public static <T> T eventually(Supplier<T> get, Predicate<T> until, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        T answer = get.get();
        while (!until.test(answer) && System.nanoTime() < deadline) {
            pause(50);
            answer = get.get();
        }
        return answer;
    }

    /** Thread.sleep without the checked exception (an interrupt fails the test). */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
