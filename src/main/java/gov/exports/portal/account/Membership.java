package gov.exports.portal.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A user's place in a vendor organisation. Matched by Keycloak subject once bound, by e-mail before. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    public enum OrgRole { MEMBER, ADMIN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @Column(nullable = false)
    public String email;

    public String subject;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "org_role", nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public OrgRole orgRole = OrgRole.MEMBER;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    /** Form action that activates or deactivates this membership. */
    public String getActivePath() {
        return "/organisation/members/" + id + "/active";
    }

    public static Optional<Membership> findFor(String subject, String email) {
        String normalisedEmail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        return find("active = true and (subject = ?1 or (subject is null and email = ?2))", subject, normalisedEmail)
                .firstResultOptional();
    }

    public static List<Membership> ofOrganisation(Organisation organisation) {
        return list("organisation = ?1 order by displayName, email", organisation);
    }
}
