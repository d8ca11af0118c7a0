package gov.exports.portal.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is making this request: name, roles and (for vendors) organisation. Templates reach it as
 * {@code inject:currentUser}; services use it to scope queries and to stamp the audit trail.
 */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private Optional<Membership> membership;

    public boolean isAuthenticated() {
        return identity != null && !identity.isAnonymous();
    }

    public String subject() {
        if (!isAuthenticated()) {
            return "anonymous";
        }
        String sub = claim("sub");
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    public String username() {
        String u = claim("preferred_username");
        return u != null ? u : (isAuthenticated() ? identity.getPrincipal().getName() : "anonymous");
    }

    public String displayName() {
        String name = claim("name");
        return name != null && !name.isBlank() ? name : username();
    }

    public String email() {
        return claim("email");
    }

    public Set<String> roles() {
        Set<String> portalRoles = new TreeSet<>();
        if (isAuthenticated()) {
            for (String r : Roles.ALL) {
                if (identity.hasRole(r)) {
                    portalRoles.add(r);
                }
            }
        }
        return portalRoles;
    }

    public String rolesText() {
        return String.join(",", roles());
    }

    public boolean has(String role) {
        return isAuthenticated() && identity.hasRole(role);
    }

    public boolean isVendor() {
        return has(Roles.VENDOR) || has(Roles.VENDOR_ADMIN);
    }

    public boolean isVendorAdmin() {
        return has(Roles.VENDOR_ADMIN);
    }

    public boolean isOfficer() {
        return has(Roles.OFFICER) || has(Roles.SENIOR_OFFICER);
    }

    public boolean isSeniorOfficer() {
        return has(Roles.SENIOR_OFFICER);
    }

    public boolean isTrackerEditor() {
        return has(Roles.TRACKER_EDITOR);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** The user's words for their role, for the header. */
    public String roleLabel() {
        List<String> labels = new java.util.ArrayList<>();
        if (isVendorAdmin()) {
            labels.add("Compliance lead");
        } else if (isVendor()) {
            labels.add("Exporter");
        }
        if (isSeniorOfficer()) {
            labels.add("Senior licensing officer");
        } else if (isOfficer()) {
            labels.add("Licensing officer");
        }
        if (isTrackerEditor()) {
            labels.add("Bill tracker editor");
        }
        if (isAdmin()) {
            labels.add("Administrator");
        }
        return String.join(", ", labels);
    }

    /** The help page's section for this user's main role (the header's Help link), or empty. */
    public String helpAnchor() {
        if (isVendor()) {
            return "#exporters";
        }
        if (isSeniorOfficer()) {
            return "#senior";
        }
        if (isOfficer()) {
            return "#officers";
        }
        if (isTrackerEditor()) {
            return "#editors";
        }
        if (isAdmin()) {
            return "#admins";
        }
        return "";
    }

    /** Where this user starts: the landing page of their main role. */
    public String landingPath() {
        if (isVendor()) {
            return "/vendor";
        }
        if (isOfficer()) {
            return "/officer";
        }
        if (isTrackerEditor()) {
            return "/tracker";
        }
        if (isAdmin()) {
            return "/admin";
        }
        return "/";
    }

    public Optional<Membership> membership() {
        if (membership == null) {
            membership = isVendor() ? Membership.findFor(subject(), email()) : Optional.empty();
        }
        return membership;
    }

    /** The vendor's organisation, or null for officials and the public. */
    public Organisation organisation() {
        return membership().map(m -> m.organisation).orElse(null);
    }

    public String organisationName() {
        Organisation o = organisation();
        return o == null ? null : o.legalName;
    }

    private String claim(String name) {
        if (isAuthenticated() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object v = jwt.getClaim(name);
            if (v instanceof jakarta.json.JsonString js) {
                return js.getString();
            }
            return v == null ? null : v.toString();
        }
        return null;
    }
}
