package gov.exports.portal.licence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A condition ("rider") that travels with the licence. */
@Entity
@Table(name = "licence_condition")
public class LicenceCondition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "licence_id", nullable = false)
    public Long licenceId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String text;
}
