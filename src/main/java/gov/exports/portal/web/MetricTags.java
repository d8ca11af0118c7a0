package gov.exports.portal.web;

import java.util.regex.Pattern;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * URI tags of HTTP metrics name routes, never ids: a path that reached the metrics without its route template (an answer
 * given before routing, e.g. "sign-in unavailable") has its numeric segments replaced by {id}, so the number of time
 * series stays bounded whatever ids clients send.
 */
@Singleton
public class MetricTags {

    private static final Pattern NUMERIC_SEGMENT = Pattern.compile("/[0-9]+(?=/|$|\\.)");

    @Produces
    @Singleton
    MeterFilter collapseIdsInUris() {
        return MeterFilter.replaceTagValues("uri", uri -> NUMERIC_SEGMENT.matcher(uri).replaceAll("/{id}"));
    }
}
