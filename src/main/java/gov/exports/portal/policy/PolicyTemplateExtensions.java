package gov.exports.portal.policy;

import java.util.List;

import io.quarkus.qute.TemplateExtension;

/** Lists of the policy data as text in templates: {@code policy.destinations.joined}. */
@TemplateExtension
public class PolicyTemplateExtensions {

    static String joined(List<String> values) {
        return String.join(", ", values);
    }
}
