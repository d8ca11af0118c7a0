package gov.exports.portal.customer;

import org.jboss.resteasy.reactive.RestForm;

/** What a senior officer typed into the approved-customer form, kept as text to show back with errors. */
public class CustomerForm {
    @RestForm public String nameLatin;
    @RestForm public String nameChinese;
    @RestForm public String uscc;
    @RestForm public String address;
    @RestForm public String city;
    @RestForm public String country;
    @RestForm public String status;
    @RestForm public String approvedOn;
    @RestForm public String expiresOn;
    @RestForm public String notes;
    @RestForm public String version;

    public static CustomerForm of(ApprovedCustomer c) {
        CustomerForm f = new CustomerForm();
        f.nameLatin = c.nameLatin;
        f.nameChinese = c.nameChinese;
        f.uscc = c.uscc;
        f.address = c.address;
        f.city = c.city;
        f.country = c.country;
        f.status = c.status.name();
        f.approvedOn = c.approvedOn == null ? null : c.approvedOn.toString();
        f.expiresOn = c.expiresOn == null ? null : c.expiresOn.toString();
        f.notes = c.notes;
        f.version = String.valueOf(c.version);
        return f;
    }

    public static CustomerForm blank() {
        CustomerForm f = new CustomerForm();
        f.country = "CN";
        f.status = CustomerStatus.APPROVED.name();
        f.version = "0";
        return f;
    }
}
