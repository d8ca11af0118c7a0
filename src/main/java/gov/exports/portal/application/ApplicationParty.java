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

    /** A new party with the same details (name, address, register link); role and application are set by the caller. */
    ApplicationParty copyDetails() {
        ApplicationParty c = new ApplicationParty();
        c.name = name;
        c.nameChinese = nameChinese;
        c.address = address;
        c.city = city;
        c.country = country;
        c.partyFunction = partyFunction;
        c.approvedCustomer = approvedCustomer;
        return c;
    }

    /** A party taken from the register of approved customers. */
    static ApplicationParty fromRegister(ApprovedCustomer customer) {
        ApplicationParty p = new ApplicationParty();
        p.approvedCustomer = customer;
        p.name = customer.nameLatin;
        p.nameChinese = customer.nameChinese;
        p.address = customer.address;
        p.city = customer.city;
        p.country = customer.country;
        return p;
    }

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
