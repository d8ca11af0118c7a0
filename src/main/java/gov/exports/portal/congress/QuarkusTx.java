package gov.exports.portal.congress;

import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** A short read-only unit of work for resources that must not hold a transaction across a service call. */
final class QuarkusTx {

    private QuarkusTx() {
    }

    static <T> T read(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }
}
