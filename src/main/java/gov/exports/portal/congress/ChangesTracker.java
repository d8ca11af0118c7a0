package gov.exports.portal.congress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

/**
 * Marks a method that commits changes to the public tracker: when it returns (or fails), this instance stops trusting
 * the tracker version it was told of until it has read it again ({@link TrackerVersionListener#distrust()}), so an
 * anonymous page served here right after shows the change even if PostgreSQL's announcement of it is still on its way.
 * Runs outside {@code @Transactional} (lower priority number), so the transaction the method began has committed.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ChangesTracker {

    @ChangesTracker
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    class Distrust {

        @Inject
        TrackerVersionListener listener;

        @AroundInvoke
        Object afterCommit(InvocationContext ctx) throws Exception {
            try {
                return ctx.proceed();
            } finally {
                listener.distrust();
            }
        }
    }
}
