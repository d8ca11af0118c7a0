package gov.exports.portal.application;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import gov.exports.portal.customer.ApprovedCustomer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A party named on an application. One not taken from the approved-customer register is flagged for the officer. */
@Entity
@Table(name = "application_party")
public class ApplicationParty extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    public Application application;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyRole role;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_chinese")
    public String nameChinese;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false, length = 2, columnDefinition = "bpchar")
    public String country;

    /** For intermediates: what they do (freight forwarder, distributor ...). */
    @Column(name = "party_function")
    public String partyFunction;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "approved_customer_id")
    public ApprovedCustomer approvedCustomer;

    public boolean isFromRegister() {
        return approvedCustomer != null;
    }

    public static List<ApplicationParty> of(Application app) {
        return list("application = ?1 order by role, id", app);
    }

    public static ApplicationParty find(Application app, PartyRole role) {
        return find("application = ?1 and role = ?2", app, role).firstResult();
    }
}
