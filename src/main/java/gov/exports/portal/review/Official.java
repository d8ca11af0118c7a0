package gov.exports.portal.review;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A licensing official who has used the review pages: who can be assigned cases. */
@Entity
@Table(name = "official")
public class Official extends PanacheEntityBase {

    @Id
    public String subject;

    @Column(nullable = false)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;

    public static List<Official> byName() {
        return list("order by displayName");
    }
}
